package io.omnichannel.core.port.in;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * An event as it arrived, with the two facts its adapter read from it.
 *
 * @param sourceId the source's own id of the event (the messenger's update id, 1C-Connect {@code
 *     message_id})
 * @param chatKey the chat the event belongs to, for per-chat order (the messenger's chat id,
 *     1C-Connect user id)
 */
public record RawEvent(String sourceId, String chatKey, String payload) {
  public RawEvent {
    checkArgument(sourceId != null && !sourceId.isBlank(), "source id must not be blank");
    checkArgument(chatKey != null && !chatKey.isBlank(), "chat key must not be blank");
    Objects.requireNonNull(payload, "payload");
  }
}
