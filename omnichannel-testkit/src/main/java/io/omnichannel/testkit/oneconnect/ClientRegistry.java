package io.omnichannel.testkit.oneconnect;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Client companies, their users and which lines each user may use (the ban state lives here). */
final class ClientRegistry {
  private final Map<String, ClientCompany> clients = new LinkedHashMap<>();
  private final Map<String, ClientUser> users = new LinkedHashMap<>();

  /** userId → (lineId → subscription). */
  private final Map<String, Map<String, LineSubscription>> subscriptions = new LinkedHashMap<>();

  synchronized boolean putClient(ClientCompany client) {
    return clients.putIfAbsent(client.id(), client) == null;
  }

  synchronized void replaceClient(ClientCompany client) {
    clients.put(client.id(), client);
  }

  synchronized boolean putUser(ClientUser user) {
    return users.putIfAbsent(user.id(), user) == null;
  }

  synchronized void replaceUser(ClientUser user) {
    users.put(user.id(), user);
  }

  synchronized Optional<ClientCompany> client(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(clients.get(id));
  }

  synchronized Optional<ClientUser> user(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(users.get(id));
  }

  synchronized List<ClientCompany> clients() {
    return List.copyOf(clients.values());
  }

  synchronized List<ClientUser> users() {
    return List.copyOf(users.values());
  }

  synchronized Optional<ClientUser> userByLogin(String login) {
    return users.values().stream().filter(u -> login.equals(u.login())).findFirst();
  }

  /** Adds a subscription; false when one already exists for that user and line. */
  synchronized boolean subscribe(String userId, String lineId, boolean active, Instant now) {
    Map<String, LineSubscription> lines =
        subscriptions.computeIfAbsent(userId, id -> new LinkedHashMap<>());
    return lines.putIfAbsent(lineId, new LineSubscription(userId, lineId, active, now)) == null;
  }

  /** Switches a subscription on or off (creating it when absent); off is a ban. */
  synchronized void setActive(String userId, String lineId, boolean active, Instant now) {
    Map<String, LineSubscription> lines =
        subscriptions.computeIfAbsent(userId, id -> new LinkedHashMap<>());
    LineSubscription old = lines.get(lineId);
    lines.put(
        lineId, new LineSubscription(userId, lineId, active, old == null ? now : old.since()));
  }

  synchronized boolean unsubscribe(String userId, String lineId) {
    Map<String, LineSubscription> lines = subscriptions.get(userId);
    return lines != null && lines.remove(lineId) != null;
  }

  synchronized Optional<LineSubscription> subscription(String userId, String lineId) {
    Map<String, LineSubscription> lines = subscriptions.get(userId);
    return lines == null ? Optional.empty() : Optional.ofNullable(lines.get(lineId));
  }

  synchronized List<LineSubscription> subscriptionsOf(String userId) {
    Map<String, LineSubscription> lines = subscriptions.get(userId);
    return lines == null ? List.of() : List.copyOf(lines.values());
  }

  synchronized List<LineSubscription> allSubscriptions() {
    return subscriptions.values().stream().flatMap(m -> m.values().stream()).toList();
  }

  synchronized boolean activeOn(String userId, String lineId) {
    return subscription(userId, lineId).map(LineSubscription::active).orElse(false);
  }
}
