package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.launcher.Omnichannel;
import io.omnichannel.persistence.PersistenceConfig;
import io.omnichannel.sandbox.scenario.Loopback;
import io.omnichannel.telegram.TelegramConfig;
import io.omnichannel.testkit.telegram.GroupScenario;
import io.omnichannel.testkit.telegram.GroupSpec;
import io.omnichannel.testkit.telegram.RateLimits;
import io.omnichannel.testkit.telegram.SentMessage;
import io.omnichannel.testkit.telegram.UserSpec;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * B2 across instances: two gateways on one MariaDB send for one bot under the emulator's limits at
 * Telegram's real ratios (every window four times shorter). 300 messages to 30 private chats and
 * 100 into one group, the line's hooks reaching both through a round-robin balancer; the second
 * instance, a JVM of its own, is killed with SIGKILL midway, once it has sent. No 429, every
 * message once and in order, bar the sends in doubt — those the killed instance made (counted by a
 * proxy in front of Telegram for it alone) and did not complete (counted in the outbox), at most
 * one per worker: a request in flight at the kill — and the whole run within 10 % of the time the
 * limits allow: the group's 20 per window make it four windows.
 */
class SharedPacingEndToEndTest extends EndToEndHarness {
  private static final double SCALE = 0.25;
  private static final int CHATS = 30;
  private static final int PER_CHAT = 10;
  private static final int INTO_GROUP = 100;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration QUEUE_LEASE = Duration.ofSeconds(1);
  private static final int CHILD_WORKERS = 2;

  private FlakyProxy balancer;
  private FlakyProxy childsTelegram;
  private Process child;
  private URI childBase;

  @Override
  boolean onMariaDb() {
    return true;
  }

  @Override
  RateLimits telegramLimits() {
    return RateLimits.real().scaled(SCALE);
  }

  @Override
  TelegramConfig.Pacing pacing() {
    return TelegramConfig.Pacing.telegram().scaled(SCALE);
  }

  @Override
  void beforeGateway() throws Exception {
    balancer = new FlakyProxy(URI.create("http://127.0.0.1:" + port));
    childsTelegram = new FlakyProxy(URI.create(telegram.baseUrl()));
    childsTelegram.countForwarded("/sendMessage");
  }

  /**
   * Both instances are reached through one load balancer, round robin while both run, then on the
   * survivor.
   */
  @Override
  URI publicBase(int httpPort) {
    return balancer.baseUrl();
  }

  @Override
  TelegramConfig.Timeouts timeouts() {
    return withRequestTimeout(super.timeouts());
  }

  @Override
  Omnichannel.Builder builder(int httpPort, String instanceId) {
    return super.builder(httpPort, instanceId).queueLease(QUEUE_LEASE);
  }

  @Override
  void afterGateway() {
    if (child != null) {
      child.destroyForcibly();
    }
    balancer.close();
    childsTelegram.close();
  }

  @Test
  void twoInstancesShareOneBudgetPerBotAndOneOfThemDiesMidway() throws Exception {
    Connected connected = new Connected();
    String token = connected.bot.token();
    List<Long> users = new ArrayList<>();
    List<String> accounts = new ArrayList<>();
    for (int u = 0; u < CHATS; u++) {
      UserSpec user = UserSpec.of(newUserId(), "Клиент", "Номер" + u, null);
      users.add(user.id());
      accounts.add(connected.firstContact(user, "клиент " + u + " здесь"));
    }
    long groupId = -1_000_000L - newUserId();
    UserSpec member = UserSpec.of(newUserId(), "Иван", "Петров", "ivan");
    GroupScenario group = telegram.bot(token).group(GroupSpec.of(groupId, "Отдел закупок"));
    group.addsBotAsAdministrator(member);
    group.member(member).sendsText("группа здесь");
    supportLines.awaitReceived("Иван Петров: группа здесь");
    String groupAccount =
        supportLines.usersOf(supportLines.clientOf(connected.bot)).stream()
            .filter(user -> user.name().contains("Отдел закупок"))
            .findFirst()
            .orElseThrow()
            .id();
    child = startSecondInstance();
    URI firstBase = URI.create("http://127.0.0.1:" + port);
    // each instance stores half the line's messages and wakes its own workers for them: both send
    balancer.balance(List.of(firstBase, childBase));

    CompletableFuture<Long> firstWindowDone =
        telegram
            .sentFuture(token, groupId, pacing().groupMessages())
            .thenApply(sent -> System.nanoTime());
    CompletableFuture<Long> groupDone =
        lastOneSent(token, groupId, "группе " + (INTO_GROUP - 1), INTO_GROUP)
            .thenApply(sent -> System.nanoTime());
    CompletableFuture<?> halfOfThePrivateOnes =
        telegram.sentFuture(token, users.get(CHATS - 1), PER_CHAT / 2);
    long started = System.nanoTime();
    // the group's rows first: the queue serves the oldest due row first, so the group is never
    // behind private rows and the run lasts the group's windows, the private ones going meanwhile
    for (int i = 0; i < INTO_GROUP; i++) {
      connected.specialistWrites(groupAccount, "группе " + i);
    }
    for (int i = 0; i < PER_CHAT; i++) {
      for (int u = 0; u < CHATS; u++) {
        connected.specialistWrites(accounts.get(u), "клиенту " + u + " номер " + i);
      }
    }
    halfOfThePrivateOnes.get(afterFirstWindow().toSeconds(), TimeUnit.SECONDS);
    int childSentBeforeKill = childsTelegram.forwarded();
    child.destroyForcibly();
    assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
    balancer.retarget(firstBase);
    long groupSentAtKill = telegram.sentCount(token, groupId);

    long finished = groupDone.get(2 * afterFirstWindow().toSeconds(), TimeUnit.SECONDS);
    int repeats = 0;
    for (int u = 0; u < CHATS; u++) {
      int chat = u;
      repeats +=
          inOrderOnce(
              lastOneSent(
                      token, users.get(u), "клиенту " + u + " номер " + (PER_CHAT - 1), PER_CHAT)
                  .get(WAIT.toSeconds(), TimeUnit.SECONDS),
              IntStream.range(0, PER_CHAT)
                  .mapToObj(i -> "клиенту " + chat + " номер " + i)
                  .toList());
    }
    repeats +=
        inOrderOnce(
            lastOneSent(token, groupId, "группе " + (INTO_GROUP - 1), INTO_GROUP)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS),
            IntStream.range(0, INTO_GROUP).mapToObj(i -> "группе " + i).toList());
    // a send is in doubt when it reached Telegram but its row was not completed by the instance
    // that sent it: the killed instance's requests in flight at the kill (or answered a moment
    // before it, the completion not yet written), and nothing else
    int childSent = childsTelegram.forwarded();
    long childCompleted = completedBy("e2e-2");
    long inDoubt = childSent - childCompleted;
    Duration took = Duration.ofNanos(finished - started);
    // the first window's 20 go as fast as the gateway sends them: the limits allow the rest from
    // then on
    Duration allowed = Duration.ofNanos(firstWindowDone.get() - started).plus(afterFirstWindow());
    System.out.printf(
        "shared pacing: %d messages in %d ms (the group's first %d in %d ms), the limits allow %d"
            + " ms (%.2f); killed at %d of %d into the group; the killed instance sent %d (%d"
            + " before the kill) and completed %d (%d in doubt); %d repeated; 429s: %d%n",
        CHATS * PER_CHAT + INTO_GROUP,
        took.toMillis(),
        pacing().groupMessages(),
        (firstWindowDone.get() - started) / 1_000_000,
        allowed.toMillis(),
        (double) took.toNanos() / allowed.toNanos(),
        groupSentAtKill,
        INTO_GROUP,
        childSent,
        childSentBeforeKill,
        childCompleted,
        inDoubt,
        repeats,
        telegram.tooManyRequestsCount(token));

    assertThat(telegram.tooManyRequestsCount(token)).as("429 answers").isZero();
    assertThat(childSentBeforeKill).as("the killed instance had been sending").isPositive();
    assertThat(groupSentAtKill).as("killed midway").isLessThan(INTO_GROUP);
    assertThat(inDoubt)
        .as("in doubt: at most one request in flight per worker of the killed instance")
        .isBetween(0L, (long) CHILD_WORKERS);
    assertThat((long) repeats).as("only what was in doubt goes twice").isLessThanOrEqualTo(inDoubt);
    assertThat(took)
        .as("within 10 %% of %s", allowed)
        .isLessThanOrEqualTo(allowed.multipliedBy(11).dividedBy(10));
    assertThat(gatewayHttp.admin("/admin/dead-letters")).isEmpty();
  }

  /**
   * What the chat was sent once its last expected text arrived: the {@code expected} texts plus the
   * sends in doubt that went twice (at most one per worker of the killed instance).
   */
  private CompletableFuture<List<SentMessage>> lastOneSent(
      String token, long chat, String last, int expected) {
    return sentUntil(token, chat, last, expected, expected + CHILD_WORKERS);
  }

  private CompletableFuture<List<SentMessage>> sentUntil(
      String token, long chat, String last, int atLeast, int atMost) {
    return telegram
        .sentFuture(token, chat, atLeast)
        .thenCompose(
            sent -> {
              boolean arrived = sent.stream().anyMatch(message -> message.text().equals(last));
              return arrived || atLeast >= atMost
                  ? CompletableFuture.completedFuture(sent)
                  : sentUntil(token, chat, last, atLeast + 1, atMost);
            });
  }

  /**
   * Asserts every expected text arrived, in order, each once but for an immediate repeat (a send
   * the killed instance made but could not record); returns how many repeats.
   */
  private static int inOrderOnce(List<SentMessage> sent, List<String> expected) {
    List<String> texts = sent.stream().map(SentMessage::text).toList();
    List<String> distinct = new ArrayList<>();
    for (String text : texts) {
      if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(text)) {
        distinct.add(text);
      }
    }
    assertThat(distinct).as("all, in order").containsExactlyElementsOf(expected);
    return texts.size() - distinct.size();
  }

  /**
   * What the limits allow after the group's first 20: four more windows for its other 80; the
   * private chats (a burst of 3, then 1 per second) and the bot's 30 per second need less.
   */
  private Duration afterFirstWindow() {
    TelegramConfig.Pacing limits = pacing();
    return limits.groupWindow().multipliedBy((INTO_GROUP - 1) / limits.groupMessages());
  }

  /** Outbox rows the named instance completed (a row taken over keeps its new holder's name). */
  private long completedBy(String instance) throws Exception {
    PersistenceConfig config = persistence();
    try (Connection db =
            DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
        PreparedStatement count =
            db.prepareStatement(
                "SELECT COUNT(*) FROM outbox WHERE finished = TRUE AND dead_reason IS NULL"
                    + " AND claimed_by = ?")) {
      count.setString(1, instance);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private Process startSecondInstance() throws Exception {
    PersistenceConfig config = persistence();
    int childPort = Loopback.freePort();
    childBase = URI.create("http://127.0.0.1:" + childPort);
    return ChildGateway.start(
        List.of(
            "port=" + childPort,
            "publicBase=" + balancer.baseUrl(),
            "data=" + data,
            "instance=e2e-2",
            "telegram=" + childsTelegram.baseUrl(),
            "oneConnect=" + oneConnect.baseUrl(),
            "soap=" + oneConnect.soapUrl(),
            "managementLine=" + management.id(),
            "hookLogin=" + managementHook.login(),
            "hookPassword=" + managementHook.password().reveal(),
            "jdbcUrl=" + config.jdbcUrl(),
            "jdbcUser=" + config.user(),
            "jdbcPassword=" + config.password(),
            "pacingScale=" + SCALE,
            "requestTimeoutMs=" + REQUEST_TIMEOUT.toMillis(),
            "queueLeaseMs=" + QUEUE_LEASE.toMillis()),
        data.resolve("second-instance.log"));
  }

  private static TelegramConfig.Timeouts withRequestTimeout(TelegramConfig.Timeouts timeouts) {
    return new TelegramConfig.Timeouts(
        timeouts.connect(),
        REQUEST_TIMEOUT,
        timeouts.upload(),
        timeouts.longPoll(),
        timeouts.backoffMin(),
        timeouts.backoffMax(),
        timeouts.leaseTtl());
  }
}
