package io.omnichannel.telegram;

import io.omnichannel.core.domain.ChannelDescription;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.ChannelLimits;
import io.omnichannel.core.domain.TokenFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/** What Telegram is, as the core needs to know it: the adapter's side of B4. */
final class TelegramDescription {
  static final ChannelKind KIND = new ChannelKind("Telegram");

  /** BotFather's tokens: the bot's id, a colon and 35 characters. */
  static final TokenFormat TOKENS =
      new TokenFormat(
          Pattern.compile("(?<bot>[0-9]{1,20}):[A-Za-z0-9_-]{35}"),
          Optional.of("123456789:AAF… — число, двоеточие и 35 символов"));

  /**
   * getFile serves files up to 20 MB; a bot uploads photos up to 10 MB and documents up to 50 MB.
   */
  static final ChannelLimits OWN_LIMITS =
      new ChannelLimits(
          20 * ChannelLimits.MEBIBYTE,
          20 * ChannelLimits.MEBIBYTE,
          10 * ChannelLimits.MEBIBYTE,
          50 * ChannelLimits.MEBIBYTE);

  static final ChannelDescription DESCRIPTION =
      new ChannelDescription(
          KIND,
          TOKENS,
          "Получить его можно у @BotFather (https://t.me/BotFather): команда /newbot создаст бота"
              + " и выдаст токен.",
          // a reply keyboard goes away only with a message; forum topics; 4096 characters
          new ChannelDescription.Abilities(false, true, Texts.MESSAGE_MAX, true),
          OWN_LIMITS,
          pacing(TelegramConfig.Pacing.telegram()));

  private TelegramDescription() {}

  /** Telegram's published rates (30 per second per bot, 1 per second per chat, 20 per minute). */
  private static ChannelDescription.Pacing pacing(TelegramConfig.Pacing pacing) {
    return new ChannelDescription.Pacing(
        (int) (pacing.botMessages() * 1000 / pacing.botWindow().toMillis()),
        pacing.privateInterval(),
        (int) (pacing.groupMessages() * 60_000 / pacing.groupWindow().toMillis()));
  }
}
