package io.omnichannel.core.domain;

/**
 * A bot's access token as its messenger issued it. Opaque to the core: whether a text has a
 * messenger's token shape is that messenger's {@link TokenFormat}, the bot's id comes from the
 * messenger. It is a secret: {@link #toString()} never shows it; only {@link #reveal()} does, for
 * the wire.
 */
public final class BotToken {
  /** Longer than any messenger's token; what is stored is bounded by this. */
  public static final int MAX_LENGTH = 512;

  private final String value;

  private BotToken(String value) {
    this.value = value;
  }

  /**
   * A token as stored or configured: non-blank, at most {@link #MAX_LENGTH} visible ASCII
   * characters. Texts typed by people go through a messenger's {@link TokenFormat#parse} instead.
   *
   * @throws IllegalArgumentException when the text cannot be a token; the message never echoes it.
   */
  public static BotToken of(String text) {
    if (text == null
        || text.isEmpty()
        || text.length() > MAX_LENGTH
        || !text.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          "not a bot token: expected up to " + MAX_LENGTH + " visible ASCII characters");
    }
    return new BotToken(text);
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
    return "BotToken[***]";
  }
}
