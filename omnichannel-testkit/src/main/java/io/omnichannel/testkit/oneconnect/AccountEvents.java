package io.omnichannel.testkit.oneconnect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events beside line events that the real service posts to line hooks (oneconnect-api.md §5):
 * {@code subscription} when a user's line is added, changed or switched off, {@code subscriber}
 * when a user's profile changes, {@code support_line} when a line changes. Their bodies follow the
 * public wiki's shapes: {@code action} and the changed object.
 */
final class AccountEvents implements ClientRegistry.Changes {
  private final Chats chats;
  private final ClientRegistry clients;

  AccountEvents(Chats chats, ClientRegistry clients) {
    this.chats = chats;
    this.clients = clients;
  }

  @Override
  public void subscription(String action, LineSubscription subscription) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("service_id", subscription.lineId());
    object.put("service_user_id", subscription.userId());
    object.put("activate_date", PushApiTime.seconds(subscription.since()));
    object.put("expires_date", null);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("action", action);
    fields.put("subscription", object);
    chats.publish(HookEvent.other(HookEvent.SUBSCRIPTION, subscription.lineId(), fields), true);
  }

  /** Told to the hooks of every line the user is subscribed to. */
  @Override
  public void user(String action, ClientUser user) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("action", action);
    fields.put("user", PersonJson.single(PersonJson.of(user)));
    for (LineSubscription subscription : clients.subscriptionsOf(user.id())) {
      chats.publish(HookEvent.other(HookEvent.SUBSCRIBER, subscription.lineId(), fields), true);
    }
  }

  /** A line was added or changed: told to the hooks that cover it. */
  void line(String action, Line line) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("line_id", line.id());
    object.put("name", line.name());
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("action", action);
    fields.put("line", object);
    chats.publish(HookEvent.other(HookEvent.SUPPORT_LINE, line.id(), fields), true);
  }
}
