package io.omnichannel.core.fakes;

import io.omnichannel.core.domain.BotAccess;
import io.omnichannel.core.domain.BotId;
import io.omnichannel.core.domain.BotProfile;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.ChannelPost;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.RemoteFile;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.TopicId;
import io.omnichannel.core.domain.failure.ChannelUnavailable;
import io.omnichannel.core.domain.failure.InvalidBotToken;
import io.omnichannel.core.port.out.ChannelHealth;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.core.port.out.SendOutcome;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A messenger in memory: bots known by token, sends recorded per chat, failures injected per chat.
 */
public final class FakeMessenger implements MessengerChannel {
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
  private boolean unavailable;
  private int nextBot = 100;

  /** A bot BotFather would have made: a valid token, an id, a username ending in "bot". */
  public synchronized BotToken bot(String displayName, String username) {
    int id = nextBot++;
    BotToken token = BotToken.of(id + ":" + "A".repeat(30) + String.format("%05d", id));
    bots.put(token, new BotProfile(new BotId(String.valueOf(id)), username, displayName));
    return token;
  }

  public synchronized void revoke(BotToken token) {
    revoked.add(token);
  }

  public synchronized void file(FileRef ref, long sizeBytes) {
    fileSizes.put(ref, sizeBytes);
  }

  public synchronized void failNextSend(ChatId chat, RuntimeException failure) {
    sendFailures.computeIfAbsent(chat, c -> new ArrayDeque<>()).add(failure);
  }

  /** The next send to the chat is refused with this outcome, and nothing is recorded as sent. */
  public synchronized void refuseNextSend(ChatId chat, SendOutcome refusal) {
    sendFailures.computeIfAbsent(chat, c -> new ArrayDeque<>()).add(refusal);
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
  public ChannelKind kind() {
    return ChannelKind.TELEGRAM;
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
