package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.ChannelLimits;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.LimitCheck;
import io.omnichannel.core.domain.LimitCheck.FileKind;
import io.omnichannel.core.domain.MessageContent.UnsupportedKind;
import io.omnichannel.core.domain.OutboundPost;
import java.util.Locale;

/**
 * Every text the gateway itself writes into a user's chat with the line, for the specialist: why an
 * answer did not reach the user, and what stands in for content that was not forwarded. The
 * messenger's name comes from the connection, the sizes from the channel's {@link ChannelLimits}.
 */
final class LineNotices {
  private static final String GATEWAY = "⚠️ Сообщение шлюза: ";
  private static final int QUOTE_MAX = 60;

  private LineNotices() {}

  /** F11: the user blocked the bot (or deleted the chat with it). */
  static String userBlockedBot(Connection connection) {
    return GATEWAY
        + "пользователь заблокировал бота "
        + connection.bot().mention()
        + " в "
        + connection.channel()
        + ". Сообщения из 1С-Коннект ему не доставляются, пока он не разблокирует бота.";
  }

  /** F10: the bot was removed from the group. */
  static String botLeftGroup(Connection connection) {
    return GATEWAY
        + "бот "
        + connection.bot().mention()
        + " удалён из группы в "
        + connection.channel()
        + ". Сообщения из 1С-Коннект в неё больше не доставляются.";
  }

  /** B9: an answer that could not go into the topic: which answer, and why. */
  static String topicUndelivered(Connection connection, boolean closed, OutboundPost post) {
    String what =
        post instanceof OutboundPost.File file
            ? (file.kind() == FileKind.IMAGE
                ? "изображение «" + file.file().fileName() + "» не доставлено"
                : "файл «" + file.file().fileName() + "» не доставлен")
            : "сообщение «" + quote(((OutboundPost.Text) post).text()) + "» не доставлено";
    return closed
        ? GATEWAY
            + "тема закрыта в "
            + connection.channel()
            + ", "
            + what
            + ". Когда тему откроют снова, отправьте его ещё раз."
        : GATEWAY
            + "тема удалена в "
            + connection.channel()
            + ", "
            + what
            + ". Сообщения в эту тему больше не доставляются.";
  }

  /** The messenger refused a file as too large, though it was within the channel's limits. */
  static String refusedAsTooLarge(Connection connection, String fileName) {
    return GATEWAY
        + connection.channel()
        + " не принял файл «"
        + fileName
        + "»: он слишком большой.";
  }

  /** A specialist's file over the channel's outbound limit: not sent, the user not bothered. */
  static String notSent(Connection connection, String fileName, LimitCheck.TooLarge tooLarge) {
    boolean image = tooLarge.kind() == FileKind.IMAGE;
    return GATEWAY
        + (image ? "изображение" : "файл")
        + " «"
        + fileName
        + "» ("
        + megabytes(tooLarge.sizeBytes())
        + ") не "
        + (image ? "отправлено" : "отправлен")
        + " в "
        + connection.channel()
        + ": можно не больше "
        + megabytes(tooLarge.limitBytes())
        + ".";
  }

  /** What the specialist sees instead of a user's content that was not forwarded (F6, F8). */
  static String placeholder(LimitCheck refusal, String fileName) {
    if (refusal instanceof LimitCheck.Unsupported unsupported) {
      return "["
          + unsupportedName(unsupported.kind())
          + " — не поддерживается, пользователю отправлено уведомление]";
    }
    LimitCheck.TooLarge tooLarge = (LimitCheck.TooLarge) refusal;
    boolean image = tooLarge.kind() == FileKind.IMAGE;
    return "["
        + (image ? "Изображение" : "Файл")
        + " «"
        + fileName
        + "», "
        + megabytes(tooLarge.sizeBytes())
        + " — не "
        + (image ? "передано" : "передан")
        + ": больше "
        + megabytes(tooLarge.limitBytes())
        + ", пользователю отправлено уведомление]";
  }

  static String unsupportedName(UnsupportedKind kind) {
    return switch (kind) {
      case VOICE -> "Голосовое сообщение";
      case VIDEO_NOTE -> "Видеосообщение";
      case CALL -> "Звонок";
    };
  }

  /**
   * Rounded up to a tenth, so a file one byte over a limit never reads as the limit itself ("5,1
   * МБ", not "5,0 МБ" against "не больше 5 МБ").
   */
  static String megabytes(long bytes) {
    double value = Math.ceil(bytes * 10.0 / ChannelLimits.MEBIBYTE) / 10;
    String number =
        String.format(Locale.ROOT, value == Math.rint(value) ? "%.0f" : "%.1f", value)
            .replace('.', ',');
    return number + " МБ";
  }

  private static String quote(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.codePointCount(0, line.length()) > QUOTE_MAX
        ? line.substring(0, line.offsetByCodePoints(0, QUOTE_MAX - 1)) + "…"
        : line;
  }
}
