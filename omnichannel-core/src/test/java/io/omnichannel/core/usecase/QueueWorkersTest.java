package io.omnichannel.core.usecase;

import static io.omnichannel.core.fakes.ChannelEvents.chat;
import static io.omnichannel.core.fakes.ChannelEvents.photo;
import static io.omnichannel.core.fakes.ChannelEvents.privateMessage;
import static io.omnichannel.core.fakes.ChannelEvents.privateText;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.ChannelPost;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.LineEvent;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.OutboundPost;
import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.failure.AwaitingSlot;
import io.omnichannel.core.domain.failure.InvalidBotToken;
import io.omnichannel.core.domain.failure.PlatformUnavailable;
import io.omnichannel.core.domain.failure.RateLimited;
import io.omnichannel.core.fakes.CoreFixture;
import io.omnichannel.core.fakes.FakePlatform.Delivery;
import io.omnichannel.core.fakes.InMemoryQueue.Row;
import io.omnichannel.core.port.in.InboundGateway.Acceptance;
import io.omnichannel.core.port.in.QueueWorker;
import io.omnichannel.core.port.in.RawEvent;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.EventInbox;
import io.omnichannel.core.port.out.InboxNeighbour;
import io.omnichannel.core.port.out.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueueWorkersTest {
  private static final Duration LEASE = Duration.ofSeconds(30);

  /** No jitter: each delay is exactly half its ceiling, 1 s, 2 s, 4 s, … */
  private static final RetryPolicy RETRY =
      new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(1), 4, () -> 0.0);

  private final CoreFixture f = new CoreFixture();
  private final Connection connection = f.connectedLine("Поддержка", "Shop Bot", "shop_bot");
  private final Map<String, ChannelEvent> channelPayloads = new HashMap<>();
  private final Map<String, LineEvent> linePayloads = new HashMap<>();
  private final List<Boolean> enqueuedInUnit = new ArrayList<>();
  private final List<Boolean> completedInUnit = new ArrayList<>();

  private final ProcessingInbox inboxWorker =
      new ProcessingInbox(
          new UnitWatchingInbox(),
          new UnitWatchingOutbox(),
          f.transactions,
          payload -> decode(channelPayloads, payload),
          payload -> decode(linePayloads, payload),
          f.connections,
          f.relayToLine,
          f.relayToChannel,
          f.dialog,
          RETRY,
          LEASE,
          ProcessingInbox.DEFAULT_ALBUM_WINDOW,
          f.clock);
  private final SendingOutbox outboxWorker =
      new SendingOutbox(f.outbox, f.delivering, RETRY, LEASE, f.clock);

  private static <T> T decode(Map<String, T> payloads, String payload) {
    T event = payloads.get(payload);
    if (event == null) {
      throw new IllegalArgumentException("cannot read payload " + payload);
    }
    return event;
  }

  /** A Telegram update of the connection, stored as a poll would store it. */
  private void update(String updateId, String chatId, ChannelEvent event) {
    channelPayloads.put("payload-" + updateId, event);
    assertThat(
            f.accepting.acceptPolledUpdate(
                connection.id(), new RawEvent(updateId, chatId, "payload-" + updateId)))
        .isEqualTo(Acceptance.STORED);
  }

  private List<String> deliveredTexts() {
    return f.platform.deliveries().stream()
        .map(Delivery::post)
        .filter(LinePost.Text.class::isInstance)
        .map(post -> ((LinePost.Text) post).text())
        .toList();
  }

  private static int drain(QueueWorker worker) {
    int handled = 0;
    while (worker.processNext()) {
      handled++;
    }
    return handled;
  }

  // --- the inbox
  // ------------------------------------------------------------------------------------

  @Test
  void anAcceptedWebhookUpdateFlowsThroughTheRelayIntoTheLineAndCompletesItsRow() {
    channelPayloads.put("{\"update_id\":1}", privateText("501", "Иван Петров", "Здравствуйте"));
    String secret = f.messenger.webhookSecret(connection.id()).reveal();
    assertThat(
            f.accepting
                .admitWebhookUpdate(connection.id(), secret)
                .accept(new RawEvent("1", "501", "{\"update_id\":1}")))
        .isEqualTo(Acceptance.STORED);

    assertThat(inboxWorker.processNext()).isTrue();

    assertThat(f.platform.deliveries())
        .singleElement()
        .satisfies(
            delivery ->
                assertThat(delivery.post())
                    .isEqualTo(
                        new LinePost.Text(
                            "Здравствуйте", "telegram:" + connection.bot().id() + ":1")));
    assertThat(f.inbox.rows()).singleElement().satisfies(row -> assertThat(row.done()).isTrue());
    assertThat(inboxWorker.processNext()).isFalse();
  }

  @Test
  void noticesAreEnqueuedInTheSameUnitThatCompletesTheEvent() {
    update("1", "501", privateMessage("501", "Иван Петров", photo("ph-big", 6L << 20, null)));
    int unitsBefore = f.transactions.units();

    inboxWorker.processNext();

    assertThat(f.outbox.pending())
        .singleElement()
        .satisfies(notice -> assertThat(notice.chat()).isEqualTo(chat("501")));
    assertThat(enqueuedInUnit).containsExactly(true);
    assertThat(completedInUnit).containsExactly(true);
    assertThat(f.transactions.units() - unitsBefore).isEqualTo(1);
  }

  @Test
  void aSpecialistAnswerGoesFromTheLineEventThroughTheOutboxToTheChat() {
    update("1", "501", privateText("501", "Иван Петров", "Здравствуйте"));
    inboxWorker.processNext();
    ChannelAccount ivan = f.accounts.of(connection.id()).get(0);
    linePayloads.put(
        "line-1",
        new LineEvent.SpecialistMessage(
            connection.line().id(),
            ivan.platformUser(),
            new PlatformUserId("spec-9"),
            new MessageContent.Text("Добрый день!"),
            Keyboard.UNCHANGED));
    assertThat(
            f.accepting
                .admitLineEvent(
                    connection.id(),
                    connection.hookCredentials().login(),
                    connection.hookCredentials().password().reveal())
                .accept(new RawEvent("m-1", ivan.platformUser().value(), "line-1")))
        .isEqualTo(Acceptance.STORED);

    assertThat(inboxWorker.processNext()).isTrue();
    assertThat(outboxWorker.processNext()).isTrue();

    assertThat(f.messenger.sentTo(chat("501")))
        .singleElement()
        .satisfies(
            sent ->
                assertThat(sent.post())
                    .isEqualTo(new ChannelPost.Text("Добрый день!", Keyboard.UNCHANGED)));
    assertThat(f.outbox.rows()).allMatch(Row::done);
  }

  @Test
  void aRetryableFailureBacksOffWithGrowingDelaysAndIsBuriedAfterMaxAttemptsWithTheReason() {
    update("1", "501", privateText("501", "Иван Петров", "Здравствуйте"));
    f.platform.unavailable(true);
    List<Duration> delays = new ArrayList<>();

    for (int attempt = 1; attempt <= RETRY.maxAttempts(); attempt++) {
      assertThat(inboxWorker.processNext()).as("attempt %d is due", attempt).isTrue();
      Row<InboundRecord> row = f.inbox.rows().get(0);
      if (row.deadReason().isEmpty()) {
        delays.add(Duration.between(f.clock.instant(), row.dueAt()));
        f.clock.advance(Duration.between(f.clock.instant(), row.dueAt()));
      }
    }

    assertThat(delays)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(f.inbox.dead())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.attempts()).isEqualTo(4);
              assertThat(row.deadReason())
                  .hasValueSatisfying(
                      reason ->
                          assertThat(reason)
                              .contains("PlatformUnavailable")
                              .contains("1C-Connect is down")
                              .contains("4 attempt"));
            });
    assertThat(inboxWorker.processNext()).isFalse();
  }

  @Test
  void anUndecodablePayloadIsBuriedAtOnce() {
    assertThat(f.accepting.acceptPolledUpdate(connection.id(), new RawEvent("1", "501", "garbage")))
        .isEqualTo(Acceptance.STORED);

    inboxWorker.processNext();

    assertThat(f.inbox.dead())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.attempts()).isEqualTo(1);
              assertThat(row.deadReason())
                  .hasValueSatisfying(
                      reason -> assertThat(reason).contains("IllegalArgumentException"));
            });
  }

  @Test
  void theSecondEventOfAChatWaitsWhileTheFirstIsPendingRetryButOtherChatsGoOn() {
    update("1", "501", privateText("501", "Иван Петров", "Первое"));
    update("2", "501", privateText("501", "Иван Петров", "Второе"));
    update("3", "777", privateText("777", "Мария Сидорова", "Другой чат"));
    f.platform.failNextDelivery(new PlatformUnavailable("blip"));

    assertThat(inboxWorker.processNext()).isTrue();
    assertThat(drain(inboxWorker)).as("only the other chat is claimable").isEqualTo(1);
    assertThat(deliveredTexts()).containsExactly("Другой чат");

    f.clock.advance(Duration.ofMinutes(1));
    drain(inboxWorker);

    assertThat(deliveredTexts()).containsExactly("Другой чат", "Первое", "Второе");
  }

  @Test
  void aManagementEventGoesToTheDialog() {
    linePayloads.put(
        "mgmt-1",
        new LineEvent.UserMessage(new LineId("management-line"), f.specialist.id(), "Привет"));
    assertThat(
            f.accepting
                .admitManagementEvent(
                    CoreFixture.MANAGEMENT_HOOK.login(),
                    CoreFixture.MANAGEMENT_HOOK.password().reveal())
                .accept(new RawEvent("m-1", f.specialist.id().value(), "mgmt-1")))
        .isEqualTo(Acceptance.STORED);
    int repliesBefore = f.platform.replies().size();

    assertThat(inboxWorker.processNext()).isTrue();

    assertThat(f.platform.replies()).hasSize(repliesBefore + 1);
    assertThat(f.platform.lastReply().specialist()).isEqualTo(f.specialist.id());
    assertThat(f.inbox.rows()).singleElement().satisfies(row -> assertThat(row.done()).isTrue());
  }

  // --- the outbox
  // -----------------------------------------------------------------------------------

  private OutboxMessage textTo(ChannelAccount account, String text) {
    return new OutboxMessage(
        connection.id(),
        account.chat(),
        account.id(),
        new OutboundPost.Text(text, Keyboard.UNCHANGED),
        "platform:" + text);
  }

  private ChannelAccount ivan() {
    update("1", "501", privateText("501", "Иван Петров", "Здравствуйте"));
    inboxWorker.processNext();
    return f.accounts.of(connection.id()).get(0);
  }

  @Test
  void aRateLimitReschedulesTheRowExactlyItsRetryAfterLater() {
    f.outbox.enqueue(textTo(ivan(), "Ответ"));
    f.messenger.failNextSend(chat("501"), new RateLimited(Duration.ofSeconds(7)));
    Instant limitedAt = f.clock.instant();

    assertThat(outboxWorker.processNext()).isTrue();

    Row<OutboxMessage> row = f.outbox.rows().get(0);
    assertThat(row.dueAt()).isEqualTo(limitedAt.plusSeconds(7));
    assertThat(row.lastError())
        .hasValueSatisfying(error -> assertThat(error).contains("RateLimited"));
    f.clock.advance(Duration.ofMillis(6_999));
    assertThat(outboxWorker.processNext()).as("not due before its retry-after").isFalse();
    f.clock.advance(Duration.ofMillis(1));
    assertThat(outboxWorker.processNext()).isTrue();
    assertThat(f.messenger.sentTo(chat("501"))).hasSize(1);
  }

  @Test
  void aSenderWhoseOwnWindowIsFullIsReportedClosedOnlyThenAndItsRowPostponedAsAny() {
    Map<ConnectionId, List<Instant>> closed = new java.util.HashMap<>();
    SendingOutbox worker =
        new SendingOutbox(f.outbox, closed::put, f.delivering, RETRY, LEASE, f.clock);
    ChannelAccount ivan = ivan();
    f.outbox.enqueue(textTo(ivan, "Первый"));
    Instant chatOpens = f.clock.instant().plusMillis(900);
    Instant botOpens = f.clock.instant().plusMillis(400);
    f.messenger.failNextSend(chat("501"), new AwaitingSlot(chatOpens));
    worker.processNext();
    assertThat(closed).as("only the chat waits").isEmpty();
    f.clock.advance(Duration.ofMillis(900));

    Instant botOpensMore = botOpens.plusMillis(20);
    f.messenger.failNextSend(
        chat("501"), new AwaitingSlot(chatOpens, List.of(botOpensMore, botOpens)));
    worker.processNext();

    assertThat(closed)
        .containsExactly(Map.entry(ivan.connection(), List.of(botOpens, botOpensMore)));
    assertThat(f.outbox.rows().get(0).dueAt()).isEqualTo(chatOpens);
  }

  @Test
  void aRowAwaitingItsSendingSlotIsPostponedToTheSlotNoAttemptCountedAndItsChatWaitsBehindIt() {
    ChannelAccount ivan = ivan();
    f.outbox.enqueue(textTo(ivan, "Первый"));
    f.outbox.enqueue(textTo(ivan, "Второй"));
    Instant opensAt = f.clock.instant().plusMillis(1_500);
    f.messenger.failNextSend(chat("501"), new AwaitingSlot(opensAt));

    assertThat(outboxWorker.processNext()).isTrue();

    Row<OutboxMessage> row = f.outbox.rows().get(0);
    assertThat(row.dueAt()).isEqualTo(opensAt);
    assertThat(row.attempts()).isZero();
    assertThat(outboxWorker.processNext())
        .as("the chat's later row does not overtake the postponed one")
        .isFalse();
    f.clock.advance(Duration.ofMillis(1_500));
    assertThat(outboxWorker.processNext()).isTrue();
    assertThat(outboxWorker.processNext()).isTrue();
    assertThat(f.messenger.sentTo(chat("501")))
        .extracting(Object::toString)
        .satisfiesExactly(
            first -> assertThat(first).contains("Первый"),
            second -> assertThat(second).contains("Второй"));
  }

  @Test
  void aSendAfterWhichTheChatsWindowIsFullHoldsTheChatsNextRowsBackUntilItOpens() {
    ChannelAccount ivan = ivan();
    f.outbox.enqueue(textTo(ivan, "Первый"));
    f.outbox.enqueue(textTo(ivan, "Второй"));
    f.outbox.enqueue(textTo(ivan, "Третий"));
    Instant chatOpens = f.clock.instant().plusMillis(800);
    f.messenger.chatFullAfterNextSend(chat("501"), chatOpens);

    assertThat(outboxWorker.processNext()).isTrue();

    assertThat(f.outbox.rows())
        .extracting(Row::dueAt)
        .as("the sent row done, the ones behind it not due before the chat opens")
        .containsExactly(Instant.EPOCH, chatOpens, chatOpens);
    assertThat(outboxWorker.processNext()).as("nothing claimed only to be postponed").isFalse();
    f.clock.advance(Duration.ofMillis(800));
    assertThat(outboxWorker.processNext()).isTrue();
    assertThat(outboxWorker.processNext()).isTrue();
    assertThat(f.messenger.sentTo(chat("501"))).hasSize(3);
  }

  @Test
  void rateLimitsNeverBuryARowHoweverOftenTheyCome() {
    ChannelAccount ivan = ivan();
    f.outbox.enqueue(textTo(ivan, "Ответ"));
    int limits = RETRY.maxAttempts() + 2;
    for (int i = 0; i < limits; i++) {
      f.messenger.failNextSend(chat("501"), new RateLimited(Duration.ofSeconds(7)));
    }

    for (int i = 0; i <= limits; i++) {
      assertThat(outboxWorker.processNext()).isTrue();
      f.clock.advance(Duration.ofSeconds(7));
    }

    assertThat(f.outbox.dead()).isEmpty();
    assertThat(f.messenger.sentTo(chat("501"))).hasSize(1);
  }

  @Test
  void rateLimitsDoNotUseUpTheRetryBudget() {
    f.outbox.enqueue(textTo(ivan(), "Ответ"));
    f.messenger.failNextSend(chat("501"), new RateLimited(Duration.ofSeconds(7)));
    f.messenger.failNextSend(chat("501"), new RateLimited(Duration.ofSeconds(7)));

    for (int i = 0; i < 3; i++) {
      assertThat(outboxWorker.processNext()).isTrue();
      f.clock.advance(Duration.ofSeconds(7));
    }

    assertThat(f.outbox.rows().get(0).attempts())
        .as("only the send that went through counts")
        .isEqualTo(1);
  }

  @Test
  void aNonRetryableSendFailureIsBuriedAtOnce() {
    f.outbox.enqueue(textTo(ivan(), "Ответ"));
    f.messenger.failNextSend(chat("501"), new InvalidBotToken("Unauthorized"));

    outboxWorker.processNext();

    assertThat(f.outbox.dead())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.attempts()).isEqualTo(1);
              assertThat(row.deadReason())
                  .hasValueSatisfying(reason -> assertThat(reason).contains("InvalidBotToken"));
            });
  }

  @Test
  void outboxSendsToOneChatLeaveInOrderAfterARetry() {
    ChannelAccount ivan = ivan();
    f.outbox.enqueue(textTo(ivan, "Первое"));
    f.outbox.enqueue(textTo(ivan, "Второе"));
    f.messenger.failNextSend(chat("501"), new RateLimited(Duration.ofSeconds(3)));

    drain(outboxWorker);
    assertThat(f.messenger.sentTo(chat("501"))).as("the second waits for the first").isEmpty();
    f.clock.advance(Duration.ofSeconds(3));
    drain(outboxWorker);

    assertThat(f.messenger.sentTo(chat("501")))
        .extracting(sent -> ((ChannelPost.Text) sent.post()).text())
        .containsExactly("Первое", "Второе");
  }

  // --- queues that note whether their writes run inside a Transactions unit
  // ----------------------------

  private final class UnitWatchingOutbox implements Outbox {
    @Override
    public void enqueue(OutboxMessage message) {
      enqueuedInUnit.add(f.transactions.inUnit());
      f.outbox.enqueue(message);
    }

    @Override
    public Optional<Claimed<OutboxMessage>> claimNext(Instant now, Duration lease) {
      return f.outbox.claimNext(now, lease);
    }

    @Override
    public boolean renew(Claimed<OutboxMessage> claimed, Instant until) {
      return f.outbox.renew(claimed, until);
    }

    @Override
    public void complete(Claimed<OutboxMessage> claimed) {
      f.outbox.complete(claimed);
    }

    @Override
    public void retryAt(Claimed<OutboxMessage> claimed, Instant next, String reason) {
      f.outbox.retryAt(claimed, next, reason);
    }

    @Override
    public void bury(Claimed<OutboxMessage> claimed, String reason) {
      f.outbox.bury(claimed, reason);
    }

    @Override
    public void holdFollowing(Claimed<OutboxMessage> sent, Instant notBefore) {
      f.outbox.holdFollowing(sent, notBefore);
    }
  }

  private final class UnitWatchingInbox implements EventInbox {
    @Override
    public boolean store(InboundRecord record) {
      return f.inbox.store(record);
    }

    @Override
    public List<InboxNeighbour> neighboursSince(Claimed<InboundRecord> claimed, Instant since) {
      return f.inbox.neighboursSince(claimed, since);
    }

    @Override
    public void completeGathered(Claimed<InboundRecord> claimed, List<Long> gathered) {
      f.inbox.completeGathered(claimed, gathered);
    }

    @Override
    public Optional<Claimed<InboundRecord>> claimNext(Instant now, Duration lease) {
      return f.inbox.claimNext(now, lease);
    }

    @Override
    public boolean renew(Claimed<InboundRecord> claimed, Instant until) {
      return f.inbox.renew(claimed, until);
    }

    @Override
    public void complete(Claimed<InboundRecord> claimed) {
      completedInUnit.add(f.transactions.inUnit());
      f.inbox.complete(claimed);
    }

    @Override
    public void completeSoon(Claimed<InboundRecord> claimed) {
      completedInUnit.add(f.transactions.inUnit());
      f.inbox.completeSoon(claimed);
    }

    @Override
    public void retryAt(Claimed<InboundRecord> claimed, Instant next, String reason) {
      f.inbox.retryAt(claimed, next, reason);
    }

    @Override
    public void bury(Claimed<InboundRecord> claimed, String reason) {
      f.inbox.bury(claimed, reason);
    }
  }
}
