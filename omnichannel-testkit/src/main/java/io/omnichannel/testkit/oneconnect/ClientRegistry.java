package io.omnichannel.testkit.oneconnect;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Client companies, their users and which lines each user may use (the ban state lives here). */
final class ClientRegistry {
  /**
   * Told of every change the real service announces to hooks ({@code subscription} and {@code
   * subscriber} events), after the change and outside the registry's lock.
   */
  interface Changes {
    Changes NONE =
        new Changes() {
          @Override
          public void subscription(String action, LineSubscription subscription) {}

          @Override
          public void user(String action, ClientUser user) {}
        };

    /** {@code action}: {@code add}, {@code update} or {@code delete} (the line switched off). */
    void subscription(String action, LineSubscription subscription);

    void user(String action, ClientUser user);
  }

  private volatile Changes changes = Changes.NONE;
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

  void listen(Changes changes) {
    this.changes = changes;
  }

  boolean putUser(ClientUser user) {
    boolean added;
    synchronized (this) {
      added = users.putIfAbsent(user.id(), user) == null;
    }
    if (added) {
      changes.user("add", user);
    }
    return added;
  }

  void replaceUser(ClientUser user) {
    synchronized (this) {
      users.put(user.id(), user);
    }
    changes.user(user.deleted() ? "delete" : "update", user);
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
  boolean subscribe(String userId, String lineId, boolean active, Instant now) {
    LineSubscription added = new LineSubscription(userId, lineId, active, now);
    boolean isNew;
    synchronized (this) {
      Map<String, LineSubscription> lines =
          subscriptions.computeIfAbsent(userId, id -> new LinkedHashMap<>());
      isNew = lines.putIfAbsent(lineId, added) == null;
    }
    if (isNew && active) {
      changes.subscription("add", added);
    }
    return isNew;
  }

  /**
   * Switches a subscription on or off (creating it when absent); off is a ban. Hooks hear it as the
   * real service announces a line added to or removed from a user: {@code add} when it comes on,
   * {@code delete} when it goes off, {@code update} when it stays on.
   */
  void setActive(String userId, String lineId, boolean active, Instant now) {
    LineSubscription old;
    LineSubscription current;
    synchronized (this) {
      Map<String, LineSubscription> lines =
          subscriptions.computeIfAbsent(userId, id -> new LinkedHashMap<>());
      old = lines.get(lineId);
      current = new LineSubscription(userId, lineId, active, old == null ? now : old.since());
      lines.put(lineId, current);
    }
    boolean wasActive = old != null && old.active();
    if (active != wasActive) {
      changes.subscription(active ? "add" : "delete", current);
    } else if (active) {
      changes.subscription("update", current);
    }
  }

  boolean unsubscribe(String userId, String lineId) {
    LineSubscription removed;
    synchronized (this) {
      Map<String, LineSubscription> lines = subscriptions.get(userId);
      removed = lines == null ? null : lines.remove(lineId);
    }
    if (removed != null && removed.active()) {
      changes.subscription("delete", removed);
    }
    return removed != null;
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
