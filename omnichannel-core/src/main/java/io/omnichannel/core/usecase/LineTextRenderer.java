package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.ChannelEvent.ChannelMessage;
import io.omnichannel.core.domain.ChatKind;
import io.omnichannel.core.domain.LimitCheck;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.MessageContent.Contact;
import io.omnichannel.core.domain.MessageContent.Location;
import io.omnichannel.core.domain.MessageContent.Text;
import java.util.Optional;

/**
 * How a messenger message reads in the line (F6, F8, F10, B7, B9): a renamed topic's current name
 * first, then the group member's name, an edit or a reply marked, locations and contacts as text,
 * placeholders for what was not forwarded; the words are {@link LineNotices}'.
 */
final class LineTextRenderer {
  private LineTextRenderer() {}

  /**
   * The text for text-like content (text, location, contact), with the message's context; {@code
   * renamedTopic} is the current name of a topic renamed since its account was opened (B9).
   */
  static String text(ChannelMessage message, Optional<String> renamedTopic) {
    return decorate(message, renamedTopic, body(message.content()));
  }

  /** The comment that goes with a file: its caption, with the message's context. */
  static Optional<String> fileComment(
      ChannelMessage message, Optional<String> renamedTopic, Optional<String> caption) {
    String decorated = decorate(message, renamedTopic, caption.orElse("")).strip();
    return decorated.isEmpty() ? Optional.empty() : Optional.of(decorated);
  }

  /**
   * What the specialist sees instead of content that was not forwarded; its caption still goes
   * (F6).
   */
  static String placeholder(
      ChannelMessage message,
      Optional<String> renamedTopic,
      LimitCheck refusal,
      String fileName,
      Optional<String> caption) {
    String body = LineNotices.placeholder(refusal, fileName);
    return decorate(message, renamedTopic, body + caption.map(text -> "\n" + text).orElse(""));
  }

  private static String decorate(
      ChannelMessage message, Optional<String> renamedTopic, String body) {
    StringBuilder text = new StringBuilder();
    renamedTopic.ifPresent(name -> text.append(LineNotices.renamedTopic(name)));
    if (message.kind() == ChatKind.GROUP) {
      text.append(message.sender().displayName()).append(": ");
    }
    if (message.context().edited()) {
      text.append(LineNotices.EDITED);
    }
    message.context().replyQuote().ifPresent(quote -> text.append(LineNotices.replyTo(quote)));
    return text.append(body).toString();
  }

  private static String body(MessageContent content) {
    if (content instanceof Text text) {
      return text.text();
    }
    if (content instanceof Location location) {
      return LineNotices.location(location);
    }
    if (content instanceof Contact contact) {
      return LineNotices.contact(contact);
    }
    throw new IllegalArgumentException(
        "not text-like content: " + content.getClass().getSimpleName());
  }
}
