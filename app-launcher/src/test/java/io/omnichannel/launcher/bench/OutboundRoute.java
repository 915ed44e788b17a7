package io.omnichannel.launcher.bench;

import io.omnichannel.testkit.oneconnect.OneConnectEmulator;
import io.omnichannel.testkit.telegram.SentMessage;
import io.omnichannel.testkit.telegram.TelegramEmulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line → Telegram: a specialist's texts in the 1C-Connect emulator, round robin over the line's
 * users; arrival is the message the bot sent in the Telegram emulator. The emulator keeps no send
 * time, so a watcher thread stamps each sent message when it first sees it (every few
 * milliseconds).
 */
final class OutboundRoute implements LoadRun.Route, AutoCloseable {
  private static final Pattern ID = Pattern.compile("#(B-[A-Za-z0-9]+-\\d+)#");

  private final OneConnectEmulator oneConnect;
  private final TelegramEmulator telegram;
  private final String lineId;
  private final String specialistId;
  private final String botToken;
  private final List<Long> chats;
  private final List<String> lineUsers;
  private final Map<Long, Long> seenCount = new ConcurrentHashMap<>();
  private final Map<String, List<Instant>> arrivals = new ConcurrentHashMap<>();
  private final Thread watcher;
  private volatile boolean open = true;

  /** {@code lineUsers} maps each Telegram chat to its user on the line. */
  OutboundRoute(
      OneConnectEmulator oneConnect,
      TelegramEmulator telegram,
      String lineId,
      String specialistId,
      String botToken,
      Map<Long, String> lineUsers) {
    this.oneConnect = oneConnect;
    this.telegram = telegram;
    this.lineId = lineId;
    this.specialistId = specialistId;
    this.botToken = botToken;
    this.chats = new ArrayList<>(lineUsers.keySet());
    this.lineUsers = chats.stream().map(lineUsers::get).toList();
    chats.forEach(chat -> seenCount.put(chat, telegram.sentCount(botToken, chat)));
    this.watcher = new Thread(this::watch, "bench-outbound-watcher");
    watcher.setDaemon(true);
    watcher.start();
  }

  @Override
  public boolean inject(int i, String id) {
    int k = i % chats.size();
    oneConnect
        .scenario()
        .specialistWrites(
            lineId, lineUsers.get(k), specialistId, "Ответ №" + (i + 1) + " #" + id + "#");
    return false;
  }

  @Override
  public boolean tracked(int i) {
    return true;
  }

  @Override
  public long liveDelivered() {
    return arrivals.size();
  }

  @Override
  public Map<String, List<Instant>> delivered(String prefix) {
    Map<String, List<Instant>> seen = new HashMap<>();
    arrivals.forEach(
        (id, times) -> {
          if (id.startsWith(prefix)) {
            synchronized (times) {
              seen.put(id, new ArrayList<>(times));
            }
          }
        });
    return seen;
  }

  @Override
  public void clear() {
    arrivals.clear();
  }

  private void watch() {
    while (open) {
      for (Long chat : chats) {
        long total = telegram.sentCount(botToken, chat);
        long seen = seenCount.get(chat);
        if (total <= seen) {
          continue;
        }
        Instant now = Instant.now();
        List<SentMessage> sent = telegram.sentMessages(botToken, chat);
        int fresh = (int) Math.min(sent.size(), total - seen);
        for (SentMessage message : sent.subList(sent.size() - fresh, sent.size())) {
          if (message.text() == null) {
            continue;
          }
          Matcher id = ID.matcher(message.text());
          if (id.find()) {
            List<Instant> times = arrivals.computeIfAbsent(id.group(1), key -> new ArrayList<>());
            synchronized (times) {
              times.add(now);
            }
          }
        }
        seenCount.put(chat, total);
      }
      LockSupport.parkNanos(5_000_000L);
    }
  }

  @Override
  public void close() {
    open = false;
  }
}
