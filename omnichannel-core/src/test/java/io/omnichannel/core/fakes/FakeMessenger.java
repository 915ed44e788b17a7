package io.omnichannel.core.fakes;

import io.omnichannel.core.domain.BotAccess;
import io.omnichannel.core.domain.BotId;
import io.omnichannel.core.domain.BotProfile;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChannelDescription;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.ChannelLimits;
import io.omnichannel.core.domain.ChannelPost;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.RemoteFile;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.TokenFormat;
import io.omnichannel.core.domain.TopicId;
import io.omnichannel.core.domain.failure.ChannelUnavailable;
import io.omnichannel.core.domain.failure.InvalidBotToken;
import io.omnichannel.core.port.out.ChannelHealth;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.core.port.out.SendOutcome;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A messenger in memory: bots known by token, sends recorded per chat, failures injected per chat.
 * By default it describes itself as Telegram does (BotFather tokens that tell the bot id); {@link
 * #opaque} makes a second messenger whose tokens tell nothing.
 */
public final class FakeMessenger implements MessengerChannel {
  /** As the Telegram adapter describes its messenger. */
  public static final ChannelDescription TELEGRAM =
      new ChannelDescription(
          new ChannelKind("Telegram"),
          new TokenFormat(
              Pattern.compile("(?<bot>[0-9]{1,20}):[A-Za-z0-9_-]{35}"),
              Optional.of("123456789:AAF… — число, двоеточие и 35 символов")),
          "Получить его можно у @BotFather (https://t.me/BotFather): команда /newbot создаст бота"
              + " и выдаст токен.",
          new ChannelDescription.Abilities(false, true, 4096, true),
          new ChannelLimits(
              20 * ChannelLimits.MEBIBYTE,
              20 * ChannelLimits.MEBIBYTE,
              10 * ChannelLimits.MEBIBYTE,
              50 * ChannelLimits.MEBIBYTE),
          new ChannelDescription.Pacing(30, Duration.ofSeconds(1), 20));

  /**
   * A second messenger with opaque tokens, smaller limits (4 MiB images and 8 MiB files in, 6 MiB
   * images out) and no topics.
   */
  public static ChannelDescription opaque(String name) {
    return new ChannelDescription(
        new ChannelKind(name),
        TokenFormat.opaque(16),
        "Получить его можно в кабинете " + name + " для партнеров: «Интеграция → Получить токен».",
        new ChannelDescription.Abilities(true, false, 4000, true),
        new ChannelLimits(
            4 * ChannelLimits.MEBIBYTE,
            8 * ChannelLimits.MEBIBYTE,
            6 * ChannelLimits.MEBIBYTE,
            50 * ChannelLimits.MEBIBYTE),
        new ChannelDescription.Pacing(30, Duration.ofMillis(500), 60));
  }

  private final ChannelDescription description;

  public record Sent(BotId bot, ChatId chat, Optional<TopicId> topic, ChannelPost post) {}

  private final Map<BotToken, BotProfile> bots = new HashMap<>();
  private final Set<BotToken> revoked = new HashSet<>();
  private final Map<ConnectionId, Secret> receiving = new HashMap<>();
  private final List<Sent> sent = new ArrayList<>();
  private final Map<FileRef, Long> fileSizes = new HashMap<>();

  /** Per chat, what the next sends meet: a thrown failure or a refusal ({@link SendOutcome}). */
  private final Map<ChatId, Deque<Object>> sendFailures = new HashMap<>();

  private final Deque<RuntimeException> receivingFailures = new ArrayDeque<>();
  private final Map<BotId, ChannelHealth> health = new HashMap<>();
  private final Set<FileRef> opened = new HashSet<>();
  private final Set<FileRef> lookedUp = new HashSet<>();
  private final Map<ChatId, String> groupTitles = new HashMap<>();
  private final List<ChatId> titlesAsked = new ArrayList<>();
  private boolean unavailable;
  private int nextBot = 100;

  public FakeMessenger() {
    this(TELEGRAM);
  }

  public FakeMessenger(ChannelDescription description) {
    this.description = description;
  }

  /**
   * A bot the messenger would have made: a valid token, an id, a username ending in "bot". Each
   * messenger counts its bot ids from 100, so two messengers have bots of the same id.
   */
  public synchronized BotToken bot(String displayName, String username) {
    int id = nextBot++;
    String text =
        description.tokenFormat().botIdIn(BotToken.of(id + ":" + "A".repeat(35))).isPresent()
            ? id + ":" + "A".repeat(30) + String.format("%05d", id)
            : "opaque-" + "Q".repeat(20) + String.format("%05d", id);
    BotToken token = BotToken.of(text);
    bots.put(token, new BotProfile(new BotId(String.valueOf(id)), username, displayName));
    return token;
  }

  public synchronized void revoke(BotToken token) {
    revoked.add(token);
  }

  public synchronized void file(FileRef ref, long sizeBytes) {
    fileSizes.put(ref, sizeBytes);
  }

  /** The title the messenger tells for a group whose messages carry none. */
  public synchronized void groupTitle(ChatId chat, String title) {
    groupTitles.put(chat, title);
  }

  /** The groups whose title was asked, once per asking. */
  public synchronized List<ChatId> titlesAsked() {
    return List.copyOf(titlesAsked);
  }

  public synchronized void failNextSend(ChatId chat, RuntimeException failure) {
    sendFailures.computeIfAbsent(chat, c -> new ArrayDeque<>()).add(failure);
  }

  /** The next send to the chat is refused with this outcome, and nothing is recorded as sent. */
  public synchronized void refuseNextSend(ChatId chat, SendOutcome refusal) {
    sendFailures.computeIfAbsent(chat, c -> new ArrayDeque<>()).add(refusal);
  }

  /** The next send to the chat goes, and says the chat's window is full until {@code opens}. */
  public synchronized void chatFullAfterNextSend(ChatId chat, Instant opens) {
    sendFailures.computeIfAbsent(chat, c -> new ArrayDeque<>()).add(opens);
  }

  public synchronized void failNextStartReceiving(RuntimeException failure) {
    receivingFailures.add(failure);
  }

  public synchronized void health(BotId bot, ChannelHealth value) {
    health.put(bot, value);
  }

  public synchronized void unavailable(boolean down) {
    unavailable = down;
  }

  public synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }

  public synchronized List<Sent> sentTo(ChatId chat) {
    return sent.stream().filter(s -> s.chat().equals(chat)).toList();
  }

  public synchronized boolean isReceiving(ConnectionId connection) {
    return receiving.containsKey(connection);
  }

  public synchronized Secret webhookSecret(ConnectionId connection) {
    return receiving.get(connection);
  }

  /**
   * Whether the bytes of the file were ever asked for (an over-size file must never be downloaded).
   */
  public synchronized boolean wasOpened(FileRef ref) {
    return opened.contains(ref);
  }

  /** Whether the file was looked up at all (getFile): a declared over-size file needs no lookup. */
  public synchronized boolean wasLookedUp(FileRef ref) {
    return lookedUp.contains(ref);
  }

  @Override
  public ChannelDescription describe() {
    return description;
  }

  @Override
  public synchronized BotProfile identify(BotToken token) {
    available();
    BotProfile profile = bots.get(token);
    if (profile == null || revoked.contains(token)) {
      throw new InvalidBotToken("Unauthorized");
    }
    return profile;
  }

  @Override
  public synchronized void startReceiving(
      ConnectionId connection, BotAccess bot, Secret webhookSecret) {
    available();
    if (!receivingFailures.isEmpty()) {
      throw receivingFailures.poll();
    }
    receiving.put(connection, webhookSecret);
  }

  @Override
  public synchronized void stopReceiving(ConnectionId connection, BotAccess bot) {
    available();
    receiving.remove(connection);
  }

  @Override
  public synchronized SendOutcome send(
      BotAccess bot, ChatId chat, Optional<TopicId> topic, ChannelPost post) {
    available();
    Deque<Object> failures = sendFailures.get(chat);
    if (failures != null && !failures.isEmpty()) {
      Object next = failures.poll();
      if (next instanceof SendOutcome refusal) {
        return refusal;
      }
      if (next instanceof Instant opens) {
        sent.add(new Sent(bot.bot(), chat, topic, post));
        return SendOutcome.Sent.chatOpensAt(opens);
      }
      throw (RuntimeException) next;
    }
    sent.add(new Sent(bot.bot(), chat, topic, post));
    return SendOutcome.SENT;
  }

  @Override
  public synchronized RemoteFile fetchFile(BotAccess bot, FileRef file) {
    available();
    lookedUp.add(file);
    Long size = fileSizes.get(file);
    if (size == null) {
      throw new IllegalStateException("no file " + file);
    }
    return new RemoteFile(
        size,
        () -> {
          synchronized (this) {
            opened.add(file);
          }
          return InputStream.nullInputStream();
        });
  }

  @Override
  public synchronized Optional<String> groupTitle(BotAccess bot, ChatId chat) {
    titlesAsked.add(chat);
    available();
    return Optional.ofNullable(groupTitles.get(chat));
  }

  @Override
  public synchronized ChannelHealth probe(BotAccess bot) {
    available();
    return health.getOrDefault(bot.bot(), ChannelHealth.HEALTHY);
  }

  private void available() {
    if (unavailable) {
      throw new ChannelUnavailable("messenger is down (fake)");
    }
  }
}
