package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.ChannelLimits;
import io.omnichannel.core.domain.Direction;
import io.omnichannel.core.domain.LimitCheck;
import io.omnichannel.core.domain.LimitCheck.FileKind;
import io.omnichannel.core.domain.LinkButton;

/**
 * Every text the gateway itself sends a messenger user (not the specialists' answers): what could
 * not be forwarded and why, with the sizes the user's channel accepts; what stands in for a button
 * the messenger lacks.
 */
final class UserNotices {
  /**
   * Goes with the removal of a reply keyboard on a messenger that does not take a keyboard away
   * without a message.
   */
  static final String MENU_CLOSED = "Меню закрыто.";

  private UserNotices() {}

  /** A broadcast's link button on a messenger without link buttons: its text and where it leads. */
  static String linkAsText(LinkButton button) {
    return "🔗 " + button.text() + ": " + button.url();
  }

  /** The polite notice a user gets back for content that did not go into the line. */
  static String notForwarded(LimitCheck refusal, String fileName, ChannelLimits limits) {
    if (refusal instanceof LimitCheck.Unsupported unsupported) {
      return LineNotices.unsupportedName(unsupported.kind())
          + " не поддерживается. Пожалуйста, напишите сообщение текстом "
          + "или отправьте файл.";
    }
    LimitCheck.TooLarge tooLarge = (LimitCheck.TooLarge) refusal;
    boolean image = tooLarge.kind() == FileKind.IMAGE;
    return (image ? "Изображение" : "Файл")
        + " «"
        + fileName
        + "» не "
        + (image ? "отправлено" : "отправлен")
        + ": его размер "
        + LineNotices.megabytes(tooLarge.sizeBytes())
        + ", а можно не больше "
        + LineNotices.megabytes(tooLarge.limitBytes())
        + ". Изображения принимаются до "
        + LineNotices.megabytes(limits.maxBytes(Direction.TO_LINE, FileKind.IMAGE))
        + ", файлы — до "
        + LineNotices.megabytes(limits.maxBytes(Direction.TO_LINE, FileKind.FILE))
        + ".";
  }
}
