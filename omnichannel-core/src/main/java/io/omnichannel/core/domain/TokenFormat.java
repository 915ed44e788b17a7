package io.omnichannel.core.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a messenger's bot token looks like, so that a text the specialist typed is recognised as a
 * token before the messenger is asked. A pattern with a group named {@code bot} also tells the
 * bot's id from the token alone (a messenger whose tokens are opaque leaves it out, and the id
 * comes from the messenger).
 *
 * @param pattern the whole token, surrounding blanks excluded
 * @param shape how the token looks, in words for the specialist ("число, двоеточие и 35 символов,
 *     например 123456789:AAF…"); empty when the messenger does not say
 */
public record TokenFormat(Pattern pattern, Optional<String> shape) {
  private static final String BOT_GROUP = "bot";

  public TokenFormat {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(shape, "shape");
  }

  /**
   * A token whose format the messenger does not document: any run of the characters tokens are made
   * of, from {@code minLength} to {@link BotToken#MAX_LENGTH}.
   */
  public static TokenFormat opaque(int minLength) {
    return new TokenFormat(
        Pattern.compile("[A-Za-z0-9_\\-.:~+/=]{" + minLength + "," + BotToken.MAX_LENGTH + "}"),
        Optional.empty());
  }

  /** The token in {@code text}, ignoring surrounding blanks, or empty when it does not match. */
  public Optional<BotToken> parse(String text) {
    if (text == null || text.length() > BotToken.MAX_LENGTH + 64) {
      return Optional.empty();
    }
    String trimmed = text.strip();
    return pattern.matcher(trimmed).matches()
        ? Optional.of(BotToken.of(trimmed))
        : Optional.empty();
  }

  /** The bot's id as the token tells it, when the format has a {@code bot} group. */
  public Optional<BotId> botIdIn(BotToken token) {
    if (!pattern.pattern().contains("(?<" + BOT_GROUP + ">")) {
      return Optional.empty();
    }
    Matcher matcher = pattern.matcher(token.reveal());
    return matcher.matches() ? Optional.of(new BotId(matcher.group(BOT_GROUP))) : Optional.empty();
  }
}
