package io.omnichannel.testkit.max;

import java.util.List;

/**
 * One message a bot sent successfully ({@code POST /messages}), as recorded at sending time. Later
 * edits and deletions: {@link MaxEmulator#message(String, String)}.
 *
 * @param chatId the chat it went to (the dialog's chat id for {@code ?user_id=})
 * @param mid its {@code body.mid}
 * @param text null when none
 * @param format {@code markdown}, {@code html} or null
 * @param buttons the inline keyboard's rows (empty when none)
 * @param attachments media attachments (the keyboard not included)
 * @param notifies the {@code notify} flag
 * @param replyTo the {@code link.mid} of a reply/forward, else null
 * @param json the Message object answered to the bot
 */
public record MaxSentMessage(
    long chatId,
    String mid,
    String text,
    String format,
    List<List<MaxButton>> buttons,
    List<MaxSentAttachment> attachments,
    boolean notifies,
    String replyTo,
    String json) {

  /** Every button, row by row. */
  public List<MaxButton> allButtons() {
    return buttons.stream().flatMap(List::stream).toList();
  }
}
