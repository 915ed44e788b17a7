package io.omnichannel.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What surrounds a message (B7): whether it is an edit, the first line of the message it replies
 * to, and the album it belongs to.
 */
public record MessageContext(
    boolean edited, Optional<String> replyQuote, Optional<String> mediaGroupId) {
  public static final MessageContext PLAIN =
      new MessageContext(false, Optional.empty(), Optional.empty());

  public MessageContext {
    Objects.requireNonNull(replyQuote, "replyQuote");
    Objects.requireNonNull(mediaGroupId, "mediaGroupId");
    replyQuote = replyQuote.filter(quote -> !quote.isBlank());
  }
}
