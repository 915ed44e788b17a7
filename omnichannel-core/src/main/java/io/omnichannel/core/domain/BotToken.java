package io.omnichannel.core.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A bot's token as issued by BotFather: {@code <bot id digits>:<35 characters of [A-Za-z0-9_-]>}.
 * It is a secret: {@link #toString()} never shows it; only {@link #reveal()} does, for the wire.
 */
public final class BotToken {
  private static final Pattern FORMAT = Pattern.compile("([0-9]{1,20}):[A-Za-z0-9_-]{35}");

  private final String value;

  private BotToken(String value) {
    this.value = value;
  }

  /**
   * @throws IllegalArgumentException when the text is not a token; the message never echoes it.
   */
  public static BotToken of(String text) {
    return parse(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException("not a bot token: expected <digits>:<35 characters>"));
  }

  /**
   * The token in {@code text}, ignoring surrounding blanks, or empty when the format does not
   * match.
   */
  public static Optional<BotToken> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String trimmed = text.strip();
    return FORMAT.matcher(trimmed).matches()
        ? Optional.of(new BotToken(trimmed))
        : Optional.empty();
  }

  /** The bot id is public: the part before the colon. */
  public BotId botId() {
    return new BotId(value.substring(0, value.indexOf(':')));
  }

  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BotToken that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "BotToken[" + botId() + ":***]";
  }
}
