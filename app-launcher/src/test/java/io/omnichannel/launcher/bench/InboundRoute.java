package io.omnichannel.launcher.bench;

import io.omnichannel.testkit.oneconnect.OneConnectEmulator;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.TelegramEmulator;
import io.omnichannel.testkit.telegram.UserSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telegram → line: private-chat texts injected into the Telegram emulator for one bot, round robin
 * over the known users, every {@code firstTimeEvery}-th from a user never seen before; arrival is
 * the entry in the line's transcript in the 1C-Connect emulator (its time, from the same clock).
 */
final class InboundRoute implements LoadRun.Route {
  private static final Pattern ID = Pattern.compile("#(B-[A-Za-z0-9]+-\\d+)#");

  private final TelegramEmulator telegram;
  private final OneConnectEmulator oneConnect;
  private final String botToken;
  private final String lineId;
  private final List<UserSpec> users;
  private final List<String> trackedLineUsers;
  private final int firstTimeEvery;
  private final boolean firstTimersTracked;
  private final AtomicLong nextNewUser;

  /**
   * @param trackedLineUsers the 1C-Connect users of the known users on the line, watched live
   * @param firstTimersTracked whether first-time users' messages land among the tracked line users
   * @param nextNewUser ids for first-time users, shared by every route so that none repeats
   */
  InboundRoute(
      TelegramEmulator telegram,
      OneConnectEmulator oneConnect,
      String botToken,
      String lineId,
      List<UserSpec> users,
      List<String> trackedLineUsers,
      int firstTimeEvery,
      boolean firstTimersTracked,
      AtomicLong nextNewUser) {
    this.telegram = telegram;
    this.oneConnect = oneConnect;
    this.botToken = botToken;
    this.lineId = lineId;
    this.users = List.copyOf(users);
    this.trackedLineUsers = List.copyOf(trackedLineUsers);
    this.firstTimeEvery = firstTimeEvery;
    this.firstTimersTracked = firstTimersTracked;
    this.nextNewUser = nextNewUser;
  }

  private boolean isFirstTimer(int i) {
    return firstTimeEvery > 0 && i % firstTimeEvery == firstTimeEvery - 1;
  }

  @Override
  public boolean inject(int i, String id) {
    boolean firstTimer = isFirstTimer(i);
    UserSpec user;
    if (firstTimer) {
      long userId = nextNewUser.getAndIncrement();
      user = UserSpec.of(userId, "Новый" + userId, "Клиентов", "new" + userId);
    } else {
      // the known users take turns among the messages that are not a first-timer's
      int known = firstTimeEvery > 0 ? i - i / firstTimeEvery : i;
      user = users.get(known % users.size());
    }
    telegram
        .bot(botToken)
        .user(user)
        .sendsText("Вопрос №" + (i + 1) + " от " + user.firstName() + " #" + id + "#");
    return firstTimer;
  }

  @Override
  public boolean tracked(int i) {
    return firstTimersTracked || !isFirstTimer(i);
  }

  @Override
  public long liveDelivered() {
    long arrived = 0;
    for (String user : trackedLineUsers) {
      for (TranscriptEntry entry : oneConnect.inspection().transcript(lineId, user)) {
        if (entry.direction() == TranscriptEntry.Direction.TO_LINE) {
          arrived++;
        }
      }
    }
    return arrived;
  }

  @Override
  public Map<String, List<Instant>> delivered(String prefix) {
    Map<String, List<Instant>> seen = new HashMap<>();
    for (TranscriptEntry entry : oneConnect.inspection().transcripts()) {
      if (!entry.lineId().equals(lineId)
          || entry.direction() != TranscriptEntry.Direction.TO_LINE
          || entry.text() == null) {
        continue;
      }
      Matcher id = ID.matcher(entry.text());
      if (id.find() && id.group(1).startsWith(prefix)) {
        seen.computeIfAbsent(id.group(1), key -> new ArrayList<>()).add(entry.at());
      }
    }
    seen.values().forEach(times -> times.sort(null));
    return seen;
  }

  /** The line's user of each known Telegram user, as its messages show in the transcript. */
  Map<Long, String> lineUsers(String prefix) {
    Map<Long, String> byChat = new HashMap<>();
    Pattern from = Pattern.compile("от (\\S+) #" + Pattern.quote(prefix));
    for (TranscriptEntry entry : oneConnect.inspection().transcripts()) {
      if (!entry.lineId().equals(lineId) || entry.text() == null) {
        continue;
      }
      Matcher name = from.matcher(entry.text());
      if (name.find()) {
        users.stream()
            .filter(u -> u.firstName().equals(name.group(1)))
            .findFirst()
            .ifPresent(u -> byChat.put(u.id(), entry.userId()));
      }
    }
    return byChat;
  }

  @Override
  public Set<String> returningPlatformUsers() {
    return Set.copyOf(trackedLineUsers);
  }

  @Override
  public void clear() {
    // the step clears the 1C-Connect emulator's journal itself
  }
}
