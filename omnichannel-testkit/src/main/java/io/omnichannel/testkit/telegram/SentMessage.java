package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalLong;

/**
 * One message a bot sent successfully, as the emulator recorded it.
 *
 * @param method the Bot API method, e.g. {@code sendMessage}
 * @param text text or caption, null when none
 * @param parseMode the {@code parse_mode} given, null when none
 * @param replyMarkup the {@code reply_markup} JSON as given, null when none
 * @param file the photo/document sent, null for text
 * @param json the Message object answered to the bot
 */
public record SentMessage(
    long chatId,
    long messageId,
    String method,
    String text,
    String parseMode,
    String replyMarkup,
    SentFile file,
    String json) {

  /** B9: the forum topic the message went into ({@code message_thread_id}), if any. */
  public OptionalLong messageThreadId() {
    JsonNode thread = Json.parse(json).path("message_thread_id");
    return thread.canConvertToLong() ? OptionalLong.of(thread.asLong()) : OptionalLong.empty();
  }
}
