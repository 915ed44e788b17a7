package io.omnichannel.sandbox.scenario;

import io.omnichannel.testkit.oneconnect.Button;
import io.omnichannel.testkit.oneconnect.OneConnectEmulator;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.BotInfo;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A specialist's conversation with the channel-management line, through the 1C-Connect emulator:
 * what the specialist writes (or presses) goes to the gateway's hook, the line's answers are read
 * from the emulator's transcript. Every answer read is handed once, in order, to the listener (the
 * sandbox prints them).
 */
public class ManagementChat {
  public static final String CONNECT = "Подключить Telegram-бот";
  public static final String DISCONNECT = "Отключить Telegram-бот";
  public static final String LIST = "Показать линии с Telegram-бот";
  private static final Pattern LINK = Pattern.compile("(https?://\\S+/confirm/[A-Za-z0-9_-]+)");

  private final OneConnectEmulator oneConnect;
  private final String managementLineId;
  private final String specialistId;
  private final Duration wait;
  private Consumer<TranscriptEntry> listener = answer -> {};

  /** The last answer handed to the listener. */
  private long heard = -1;

  public ManagementChat(
      OneConnectEmulator oneConnect, String managementLineId, String specialistId, Duration wait) {
    this.oneConnect = oneConnect;
    this.managementLineId = managementLineId;
    this.specialistId = specialistId;
    this.wait = wait;
  }

  /** Hands every answer read from now on to {@code listener}. */
  public ManagementChat onAnswer(Consumer<TranscriptEntry> listener) {
    this.listener = listener;
    return this;
  }

  /** Both sides of the chat so far. */
  public List<TranscriptEntry> transcript() {
    return oneConnect.inspection().transcript(managementLineId, specialistId);
  }

  /** Writes (or presses) {@code text} and returns the line's next answer. */
  public TranscriptEntry say(String text) {
    long before = transcript().stream().mapToLong(TranscriptEntry::seq).max().orElse(-1);
    oneConnect.scenario().specialistWritesToManagementLine(specialistId, text);
    return await(answer -> answer.seq() > before, "an answer to «" + text + "»");
  }

  /** Says {@code text}; the answer must contain {@code expected}. */
  public TranscriptEntry say(String text, String expected) {
    TranscriptEntry answer = say(text);
    if (!answer.text().contains(expected)) {
      throw new AssertionError(
          "the management line answered «"
              + answer.text()
              + "» to «"
              + text
              + "», expected «"
              + expected
              + "»");
    }
    return answer;
  }

  /**
   * Waits for an answer containing {@code text} after the last one read: what the line announces
   * after a confirmation in the browser.
   */
  public TranscriptEntry awaitAnswer(String text) {
    long after = heard;
    return await(
        answer -> answer.seq() > after && answer.text().contains(text),
        "an answer with «" + text + "»");
  }

  /**
   * The connect wizard from the channel menu (or a fresh chat) to the confirmation page: Telegram,
   * connect, the line, the bot's token; returns the one-time link.
   */
  public String connectLink(String lineName, BotInfo bot) {
    say("Telegram", "Telegram: выберите действие.");
    say(CONNECT, "Выберите линию, к которой нужно подключить Telegram-бот.");
    say(lineName, "Отправьте токен Telegram-бота");
    return link(say(bot.token(), "Чтобы подключить бот @" + bot.username()).text());
  }

  /**
   * The disconnect wizard from the channel menu to the confirmation page: Telegram, disconnect, the
   * line; returns the one-time link.
   */
  public String disconnectLink(String lineName) {
    say("Telegram", "Telegram: выберите действие.");
    say(DISCONNECT, "Выберите линию, от которой нужно отключить Telegram-бот.");
    return link(say(lineName, "Чтобы отключить бот @").text());
  }

  /** The labels of an answer's digital menu. */
  public static List<String> buttons(TranscriptEntry answer) {
    return answer.keyboard() == null
        ? List.of()
        : answer.keyboard().stream().flatMap(List::stream).map(Button::text).toList();
  }

  /** The one-time link to the confirmation page in an answer. */
  public static String link(String text) {
    Matcher link = LINK.matcher(text);
    if (!link.find()) {
      throw new AssertionError("no link to the confirmation page in «" + text + "»");
    }
    return link.group(1);
  }

  private TranscriptEntry await(Predicate<TranscriptEntry> condition, String what) {
    TranscriptEntry answer;
    try {
      answer =
          oneConnect
              .inspection()
              .awaitTranscriptEntry(
                  managementLineId,
                  specialistId,
                  entry -> isAnswer(entry) && condition.test(entry),
                  wait);
    } catch (AssertionError missing) {
      throw new AssertionError(
          "no " + what + " from the management line within " + wait.toSeconds() + " s", missing);
    }
    for (TranscriptEntry entry : transcript()) {
      if (isAnswer(entry) && entry.seq() > heard && entry.seq() <= answer.seq()) {
        listener.accept(entry);
      }
    }
    heard = Math.max(heard, answer.seq());
    return answer;
  }

  private static boolean isAnswer(TranscriptEntry entry) {
    return entry.direction() == TranscriptEntry.Direction.TO_USER && entry.text() != null;
  }
}
