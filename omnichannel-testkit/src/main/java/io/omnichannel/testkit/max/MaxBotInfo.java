package io.omnichannel.testkit.max;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A bot the emulator knows. The token does not reveal the bot's id (as on MAX): read {@code
 * user_id} from {@code GET /me}.
 */
public record MaxBotInfo(String token, long userId, String name, String username) {

  /** The wire {@code User} object of the bot (senders of its messages). */
  ObjectNode userJson(long lastActivityMillis) {
    ObjectNode user = Json.object();
    user.put("user_id", userId);
    user.put("first_name", name);
    user.put("username", username);
    user.put("is_bot", true);
    user.put("last_activity_time", lastActivityMillis);
    user.put("name", name);
    return user;
  }
}
