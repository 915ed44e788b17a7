package io.omnichannel.testkit.telegram;

/**
 * What a scenario step put into a bot's update queue.
 *
 * @param updateId the update's {@code update_id}
 * @param chatId the chat it concerns (0 for a raw update without chat)
 * @param messageId the message's id in that chat, 0 when the update carries no message
 * @param json the update exactly as getUpdates / the webhook will deliver it
 */
public record InjectedUpdate(long updateId, long chatId, long messageId, String json) {}
