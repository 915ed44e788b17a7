package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.Objects;

/**
 * What a messenger tells the core about itself (B4): the core names no messenger, and every text,
 * rule and limit that differs between messengers comes from here. The messenger's adapter provides
 * it ({@code MessengerChannel.describe()}).
 *
 * @param kind the messenger, by the name people know it ("MAX"); menus and the technical client
 *     ("&lt;name&gt;: &lt;bot name&gt;") use it
 * @param tokenFormat how a bot token looks, to recognise one a specialist typed
 * @param tokenHint where a token comes from, one or two sentences for the specialist, starting
 *     "Получить его можно …"
 * @param abilities what the messenger's messages and keyboards can do
 * @param ownLimits the file sizes the messenger itself takes from and gives to a bot; the channel's
 *     {@link #limits()} are 1C-Connect's narrowed by these
 * @param pacing how fast a bot may send
 */
public record ChannelDescription(
    ChannelKind kind,
    TokenFormat tokenFormat,
    String tokenHint,
    Abilities abilities,
    ChannelLimits ownLimits,
    Pacing pacing) {

  public ChannelDescription {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(tokenFormat, "tokenFormat");
    checkArgument(tokenHint != null && !tokenHint.isBlank(), "a token hint is needed");
    Objects.requireNonNull(abilities, "abilities");
    Objects.requireNonNull(ownLimits, "ownLimits");
    Objects.requireNonNull(pacing, "pacing");
  }

  public String displayName() {
    return kind.displayName();
  }

  /** 1C-Connect's limits for every channel, narrowed by the messenger's own. */
  public ChannelLimits limits() {
    return ChannelLimits.ONE_C_CONNECT.narrowedBy(ownLimits);
  }

  /**
   * What a messenger's messages and keyboards can do.
   *
   * @param removesKeyboardSilently whether a user's keyboard goes without a message of its own:
   *     then the core sends nothing when the line drops its keyboard; else (a reply keyboard that
   *     only a message removes, or an inline keyboard that stays on its message) it tells the user
   *     with a short text along with the removal
   * @param topics whether groups have topics (B9); the core sends into a topic only when they do
   * @param maxTextLength the longest text one message carries; the adapter splits longer ones (the
   *     core does not split)
   * @param linkButtons whether a message can carry buttons that open a link; when not, the core
   *     puts a broadcast's link into its text
   */
  public record Abilities(
      boolean removesKeyboardSilently, boolean topics, int maxTextLength, boolean linkButtons) {
    public Abilities {
      checkArgument(maxTextLength > 0, "maxTextLength must be positive");
    }
  }

  /**
   * How fast a bot may send, as the messenger states it.
   *
   * @param perBot messages per second over all the bot's chats
   * @param perChatInterval the least time between two messages into one private chat
   * @param perGroupPerMinute messages per minute into one group
   */
  public record Pacing(int perBot, Duration perChatInterval, int perGroupPerMinute) {
    public Pacing {
      checkArgument(perBot > 0 && perGroupPerMinute > 0, "rates must be positive");
      Objects.requireNonNull(perChatInterval, "perChatInterval");
      checkArgument(!perChatInterval.isNegative(), "perChatInterval must not be negative");
    }
  }
}
