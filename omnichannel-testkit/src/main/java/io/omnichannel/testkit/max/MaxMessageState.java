package io.omnichannel.testkit.max;

/**
 * A bot message as it stands now.
 *
 * @param current its content after the last edit (or callback answer that replaced it)
 * @param edits how many times it was edited
 * @param deleted true once {@code DELETE /messages} removed it
 */
public record MaxMessageState(MaxSentMessage current, int edits, boolean deleted) {}
