package io.omnichannel.testkit.max;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Scenario builders of one bot: dialogs with users, groups, raw updates. */
public final class MaxBotScenario {
  final Bot bot;
  final MaxEmulator emulator;

  MaxBotScenario(Bot bot, MaxEmulator emulator) {
    this.bot = bot;
    this.emulator = emulator;
  }

  /** The dialog of this user with the bot (created on first use, with its own chat id). */
  public MaxDialogScenario dialog(MaxUser user) {
    return new MaxDialogScenario(this, bot.dialogWith(user), user);
  }

  /** A group chat (negative id); the bot is not in it until {@link MaxGroupScenario#addsBot}. */
  public MaxGroupScenario group(long chatId, String title) {
    return new MaxGroupScenario(this, bot.group(chatId, title));
  }

  /**
   * Queues an update as given (JSON object with {@code update_type}; {@code timestamp} is added
   * when missing), bypassing every check. {@code chat_id} or {@code message.recipient.chat_id}
   * orders webhook delivery.
   */
  public MaxInjected rawUpdate(String json) {
    JsonNode parsed;
    try {
      parsed = Json.MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage());
    }
    if (parsed == null || !parsed.isObject() || !parsed.path("update_type").isTextual()) {
      throw new IllegalArgumentException("an update is a JSON object with update_type");
    }
    ObjectNode update = (ObjectNode) parsed;
    if (!update.has("timestamp")) {
      update.put("timestamp", System.currentTimeMillis());
    }
    long chatId =
        update.has("chat_id")
            ? update.path("chat_id").asLong()
            : update.path("message").path("recipient").path("chat_id").asLong();
    String type = update.get("update_type").asText();
    bot.updates.add(type, chatId, update);
    return new MaxInjected(
        type,
        chatId,
        update.path("message").path("body").path("mid").textValue(),
        update.path("callback").path("callback_id").textValue(),
        update.get("timestamp").asLong(),
        true);
  }

  // ---- shared by the scenario classes

  static ObjectNode update(String type, long timestamp) {
    ObjectNode update = Json.object();
    update.put("update_type", type);
    update.put("timestamp", timestamp);
    return update;
  }

  MaxInjected queue(ObjectNode update, long chatId, boolean delivered) {
    String type = update.get("update_type").asText();
    if (delivered) {
      bot.updates.add(type, chatId, update);
    }
    return new MaxInjected(
        type,
        chatId,
        update.path("message").path("body").path("mid").textValue(),
        update.path("callback").path("callback_id").textValue(),
        update.get("timestamp").asLong(),
        delivered);
  }
}
