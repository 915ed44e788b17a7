package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.ChannelLimits;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.LimitCheck;
import io.omnichannel.core.domain.LimitCheck.FileKind;
import io.omnichannel.core.domain.MessageContent.Contact;
import io.omnichannel.core.domain.MessageContent.Location;
import io.omnichannel.core.domain.MessageContent.UnsupportedKind;
import io.omnichannel.core.domain.OutboundPost;
import io.omnichannel.core.domain.TopicId;
import java.util.Locale;

/**
 * Every text the gateway itself writes into a user's chat with the line, for the specialist: why an
 * answer did not reach the user, what stands in for content that was not forwarded, the words with
 * which a messenger message reads there (a topic's, an edit's and a reply's marks, a location, a
 * contact, an album's header) and the names it gives a group or topic that has none. The
 * messenger's name comes from the connection, the sizes from the channel's {@link ChannelLimits}.
 */
final class LineNotices {
  private static final String GATEWAY = "⚠️ Сообщение шлюза: ";
  private static final int QUOTE_MAX = 60;
  private static final int REPLY_QUOTE_MAX = 100;

  /** Marks a message the user edited (B7). */
  static final String EDITED = "✏️ Изменено: ";

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

  /** B9: the current name of a topic renamed since its account was opened, before the message. */
  static String renamedTopic(String name) {
    return "[Тема «" + name + "»] ";
  }

  /** B7: the first line of the message replied to, before the reply. */
  static String replyTo(String quoted) {
    return "↩️ В ответ на «" + firstLine(quoted, REPLY_QUOTE_MAX) + "»\n";
  }

  /** A location as text, with a map link (F6). */
  static String location(Location location) {
    String point =
        String.format(Locale.ROOT, "%.6f, %.6f", location.latitude(), location.longitude());
    String map =
        String.format(
            Locale.ROOT,
            "https://yandex.ru/maps/?pt=%.6f,%.6f&z=16",
            location.longitude(),
            location.latitude());
    return "📍 Геопозиция"
        + location.title().map(title -> " «" + title + "»").orElse("")
        + ": "
        + point
        + " "
        + map;
  }

  /** A contact as text (F6). */
  static String contact(Contact contact) {
    return "👤 Контакт: " + contact.name() + contact.phone().map(phone -> ", " + phone).orElse("");
  }

  /**
   * An album's header on its first item: «Альбом: 3 фото», «Альбом: 2 фото, 1 файл», or «Альбом
   * (продолжение)» for items that came after the rest of it had gone.
   */
  static String albumHeader(long photos, long files, boolean continuation) {
    if (continuation) {
      return "Альбом (продолжение)";
    }
    String counted =
        photos == 0
            ? files(files)
            : files == 0 ? photos + " фото" : photos + " фото, " + files(files);
    return "Альбом: " + counted;
  }

  /** The account name of a group the messenger tells no title of. */
  static String untitledGroup(ChatId chat) {
    return "Группа " + chat.value();
  }

  /** B9: the name of a topic whose name the gateway has not learnt. */
  static String unnamedTopic(TopicId topic) {
    return "Тема " + topic.value();
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
    return firstLine(text, QUOTE_MAX);
  }

  /** The text's first line, cut to {@code max} code points with "…" when longer. */
  private static String firstLine(String text, int max) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.codePointCount(0, line.length()) > max
        ? line.substring(0, line.offsetByCodePoints(0, max - 1)) + "…"
        : line;
  }

  private static String files(long count) {
    long lastTwo = count % 100;
    long last = count % 10;
    String word =
        lastTwo >= 11 && lastTwo <= 14
            ? "файлов"
            : last == 1 ? "файл" : last >= 2 && last <= 4 ? "файла" : "файлов";
    return count + " " + word;
  }
}
