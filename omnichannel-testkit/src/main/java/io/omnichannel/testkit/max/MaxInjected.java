package io.omnichannel.testkit.max;

/**
 * What a scenario step produced.
 *
 * @param updateType the Update's {@code update_type}
 * @param chatId the chat concerned
 * @param mid the message's {@code body.mid} (message updates), else null
 * @param callbackId the {@code callback.callback_id} (message_callback), else null
 * @param timestamp the Update's {@code timestamp} (ms)
 * @param delivered false when the bot would not see it (a group where it is no admin with
 *     read_all_messages), so it was not queued
 */
public record MaxInjected(
    String updateType,
    long chatId,
    String mid,
    String callbackId,
    long timestamp,
    boolean delivered) {}
