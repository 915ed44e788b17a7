package io.omnichannel.sandbox.scenario;

import io.omnichannel.testkit.oneconnect.ClientCompany;
import io.omnichannel.testkit.oneconnect.ClientUser;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.OneConnectEmulator;
import io.omnichannel.testkit.oneconnect.RecordedRequest;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.UserSpec;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the gateway brings into 1C-Connect's lines, as the emulator saw it: the entries Telegram
 * users and groups post (each as a user of the bot's technical client «Telegram: <bot name>»), and
 * the requests that posted them.
 */
public final class SupportLines {
  private final OneConnectEmulator oneConnect;
  private final Duration wait;

  public SupportLines(OneConnectEmulator oneConnect, Duration wait) {
    this.oneConnect = oneConnect;
    this.wait = wait;
  }

  /** The name the gateway gives a Telegram user's account in 1C-Connect. */
  public static String accountName(UserSpec user) {
    return user.lastName() == null ? user.firstName() : user.firstName() + " " + user.lastName();
  }

  /** Waits for an entry the 1C user posted into the line that meets {@code condition}. */
  public TranscriptEntry awaitFromUser(
      Line line, String userId, String what, Predicate<TranscriptEntry> condition) {
    try {
      return oneConnect
          .inspection()
          .awaitTranscriptEntry(
              line.id(), userId, entry -> isFromUser(entry) && condition.test(entry), wait);
    } catch (AssertionError missing) {
      throw new AssertionError(
          "no "
              + what
              + " from "
              + displayName(userId)
              + " in the line «"
              + line.name()
              + "» within "
              + wait.toSeconds()
              + " s",
          missing);
    }
  }

  /** Waits for an entry the 1C user posted into the line containing {@code text}. */
  public TranscriptEntry awaitText(Line line, String userId, String text) {
    return awaitFromUser(line, userId, "«" + text + "»", entry -> contains(entry, text));
  }

  /** Everything the 1C user posted into the line, in order. */
  public List<TranscriptEntry> fromUser(Line line, String userId) {
    return oneConnect.inspection().transcript(line.id(), userId).stream()
        .filter(SupportLines::isFromUser)
        .toList();
  }

  /**
   * The 1C user a Telegram chat became, found by the first text it posted into the line (a chat is
   * one user of the technical client, created when it first writes).
   */
  public String awaitNewUser(Line line, String text) {
    return Await.until(
        () ->
            oneConnect.inspection().transcripts().stream()
                .filter(
                    entry ->
                        entry.lineId().equals(line.id())
                            && isFromUser(entry)
                            && contains(entry, text))
                .map(TranscriptEntry::userId)
                .findFirst(),
        wait,
        "«" + text + "» in the line «" + line.name() + "»");
  }

  /** Waits until the gateway posted a message containing {@code text} (receive API). */
  public RecordedRequest awaitReceived(String text) {
    return oneConnect
        .inspection()
        .awaitRequest(
            request ->
                request.path().startsWith("/v1/line/receive/")
                    && request.status() == 200
                    && (contains(request.body(), text)
                        || request.parts().stream().anyMatch(part -> contains(part.text(), text))),
            wait);
  }

  /** The technical client «Telegram: <bot name>» as registered in the 1C world. */
  public ClientCompany clientOf(BotInfo bot) {
    return client("Telegram: " + bot.firstName());
  }

  /** The technical client named {@code name} («<messenger>: <bot name>»). */
  public ClientCompany client(String name) {
    return oneConnect.world().clients().stream()
        .filter(client -> client.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError("no client «" + name + "» in " + oneConnect.world().clients()));
  }

  /** The client's users (Telegram users and groups), oldest first. */
  public List<ClientUser> usersOf(ClientCompany client) {
    return oneConnect.world().clientUsers().stream()
        .filter(user -> user.clientId().equals(client.id()))
        .sorted(Comparator.comparing(ClientUser::createdAt))
        .toList();
  }

  /** The 1C user of the bot's Telegram user or group whose name contains {@code name}. */
  public String accountId(BotInfo bot, String name) {
    List<ClientUser> users = usersOf(clientOf(bot));
    return users.stream()
        .filter(user -> (user.name() + " " + user.surname()).contains(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no account «" + name + "» in " + users))
        .id();
  }

  /** The name a 1C user shows in the line: name and surname, or the group's title. */
  public String displayName(String userId) {
    return oneConnect
        .world()
        .clientUser(userId)
        .map(
            user ->
                user.surname() == null || user.surname().isBlank()
                    ? user.name()
                    : user.name() + " " + user.surname())
        .orElse(userId);
  }

  public static boolean contains(TranscriptEntry entry, String text) {
    return contains(entry.text(), text);
  }

  private static boolean contains(String haystack, String needle) {
    return haystack != null && haystack.contains(needle);
  }

  private static boolean isFromUser(TranscriptEntry entry) {
    return entry.direction() == TranscriptEntry.Direction.TO_LINE;
  }
}
