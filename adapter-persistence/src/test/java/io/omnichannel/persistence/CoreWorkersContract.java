package io.omnichannel.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.ChannelCatalog;
import io.omnichannel.core.domain.ChannelPost;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.DeadLetter;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.OutboundPost;
import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.domain.failure.ChannelUnavailable;
import io.omnichannel.core.domain.failure.RateLimited;
import io.omnichannel.core.domain.failure.StorageUnavailable;
import io.omnichannel.core.fakes.FakeMessenger;
import io.omnichannel.core.fakes.FakePlatform;
import io.omnichannel.core.fakes.ManualClock;
import io.omnichannel.core.usecase.DeliveringToChannel;
import io.omnichannel.core.usecase.RetryPolicy;
import io.omnichannel.core.usecase.SendingOutbox;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The core's outbox worker on the real queue: exact retry-after, backoff up to a limit, then a dead
 * letter.
 */
abstract class CoreWorkersContract extends DatabaseTest {
  private ManualClock clock;
  private FakeMessenger messenger;
  private final ChatId chat = new ChatId("42");
  private SendingOutbox worker;
  private CuttableOutbox cuttable;
  private SendingOutbox cutWorker;

  CoreWorkersContract(TestDatabase database) {
    super(database);
  }

  @BeforeEach
  void connectedChat() {
    clock = ManualClock.startingAt("2026-11-29T10:00:00Z");
    messenger = new FakeMessenger(); // one test instance serves the class: fresh fakes per test
    Connection connection = Fixtures.connection("company-1", "line-1", "1001");
    db.connections().insert(connection);
    db.accounts().insert(Fixtures.account("acc-42", connection, "42", 1));
    DeliveringToChannel delivering =
        new DeliveringToChannel(
            messenger,
            new ChannelCatalog(List.of(messenger.describe())),
            new FakePlatform(),
            db.connections(),
            db.accounts(),
            db.droppedMessages(),
            clock);
    RetryPolicy retry = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(1), 3, () -> 0.0);
    worker = new SendingOutbox(db.outbox(), delivering, retry, Duration.ofSeconds(30), clock);
    cuttable = new CuttableOutbox(db.outbox());
    cutWorker = new SendingOutbox(cuttable, delivering, retry, Duration.ofSeconds(30), clock);
  }

  private void enqueue(String text) {
    db.outbox()
        .enqueue(
            new OutboxMessage(
                Fixtures.connection("company-1", "line-1", "1001").id(),
                chat,
                new AccountId("acc-42"),
                new OutboundPost.Text(text, Keyboard.UNCHANGED),
                "1c:" + text));
  }

  private List<String> sentTexts() {
    return messenger.sentTo(chat).stream()
        .map(sent -> ((ChannelPost.Text) sent.post()).text())
        .toList();
  }

  @Test
  void aRateLimitedSendWaitsExactlyItsRetryAfterAndTheChatKeepsItsOrder() {
    enqueue("first");
    enqueue("second");
    messenger.failNextSend(chat, new RateLimited(Duration.ofSeconds(5)));

    assertThat(worker.processNext()).isTrue();
    assertThat(worker.processNext()).as("the second send waits behind the first").isFalse();
    clock.advance(Duration.ofMillis(4_999));
    assertThat(worker.processNext()).isFalse();
    clock.advance(Duration.ofMillis(1));
    assertThat(worker.processNext()).isTrue();
    assertThat(worker.processNext()).isTrue();

    assertThat(sentTexts()).containsExactly("first", "second");
  }

  @Test
  void aFailingSendBacksOffUntilItsAttemptsRunOutThenShowsAsADeadLetter() {
    enqueue("doomed");
    for (int i = 0; i < 3; i++) {
      messenger.failNextSend(chat, new ChannelUnavailable("Telegram answered 502"));
    }

    assertThat(worker.processNext()).isTrue();
    clock.advance(Duration.ofMillis(999));
    assertThat(worker.processNext()).as("first backoff is half of 2 s with no jitter").isFalse();
    clock.advance(Duration.ofMillis(1));
    assertThat(worker.processNext()).isTrue();
    clock.advance(Duration.ofSeconds(2));
    assertThat(worker.processNext()).isTrue();

    assertThat(db.deadLetterQueues().newest(10))
        .singleElement()
        .satisfies(
            dead -> {
              assertThat(dead.queue()).isEqualTo(DeadLetter.Queue.OUTBOX);
              assertThat(dead.attempts()).isEqualTo(3);
              assertThat(dead.reason()).contains("ChannelUnavailable", "after 3 attempt(s)");
            });
    clock.advance(Duration.ofHours(1));
    assertThat(worker.processNext()).isFalse();
    assertThat(sentTexts()).isEmpty();
  }

  @Test
  void aSendWhoseCompletionMeetsADatabaseCutIsCompletedWhenItAnswersAndIsNotSentTwice() {
    enqueue("first");
    enqueue("second");
    cuttable.cutAt("complete");

    assertThat(cutWorker.processNext()).isTrue();
    assertThatThrownBy(cutWorker::processNext)
        .as("nothing new is claimed while the database is away")
        .isInstanceOf(StorageUnavailable.class);
    cuttable.restore();

    assertThat(cutWorker.processNext()).as("the chat flows at once, no lease to wait").isTrue();
    assertThat(cutWorker.processNext()).isFalse();
    assertThat(sentTexts()).containsExactly("first", "second");
  }

  @Test
  void aFailedSendWhoseReleaseMeetsADatabaseCutIsReleasedWhenItAnswers() {
    enqueue("first");
    messenger.failNextSend(chat, new ChannelUnavailable("Telegram answered 502"));
    cuttable.cutAt("retryAt");

    assertThat(cutWorker.processNext()).isTrue();
    cuttable.restore();
    assertThat(cutWorker.processNext()).as("released, due after its 1 s backoff").isFalse();
    clock.advance(Duration.ofSeconds(1));

    assertThat(worker.processNext()).as("any worker takes it, no lease to wait").isTrue();
    assertThat(sentTexts()).containsExactly("first");
  }
}
