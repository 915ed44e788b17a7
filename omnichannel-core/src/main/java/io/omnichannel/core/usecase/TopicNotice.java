package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.LimitCheck.FileKind;
import io.omnichannel.core.domain.OutboundPost;

/**
 * B9: what the specialist reads in the topic's chat with the line when an answer could not go into
 * the topic: which answer, and why.
 */
final class TopicNotice {
  private static final int QUOTE_MAX = 60;

  private TopicNotice() {}

  static String undelivered(Connection connection, boolean closed, OutboundPost post) {
    String what =
        post instanceof OutboundPost.File file
            ? (file.kind() == FileKind.IMAGE
                ? "изображение «" + file.file().fileName() + "» не доставлено"
                : "файл «" + file.file().fileName() + "» не доставлен")
            : "сообщение «" + quote(((OutboundPost.Text) post).text()) + "» не доставлено";
    return closed
        ? "⚠️ Сообщение шлюза: тема закрыта в "
            + connection.channel()
            + ", "
            + what
            + ". Когда тему откроют снова, отправьте его ещё раз."
        : "⚠️ Сообщение шлюза: тема удалена в "
            + connection.channel()
            + ", "
            + what
            + ". Сообщения в эту тему больше не доставляются.";
  }

  private static String quote(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.codePointCount(0, line.length()) > QUOTE_MAX
        ? line.substring(0, line.offsetByCodePoints(0, QUOTE_MAX - 1)) + "…"
        : line;
  }
}
