package io.omnichannel.persistence;

import static io.omnichannel.persistence.Fixtures.T0;
import static io.omnichannel.persistence.Fixtures.outbound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.Attachment;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.DeadLetter;
import io.omnichannel.core.domain.DialogState;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.LimitCheck.FileKind;
import io.omnichannel.core.domain.LinkButton;
import io.omnichannel.core.domain.Menu;
import io.omnichannel.core.domain.MenuButton;
import io.omnichannel.core.domain.OutboundPost;
import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.port.out.Claimed;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * B1 on the outbox: posts stored whole (file references only), per-chat order, written in the
 * caller's transaction.
 */
abstract class OutboxContract extends DatabaseTest {
  private static final Duration LEASE = Duration.ofSeconds(30);

  OutboxContract(TestDatabase database) {
    super(database);
  }

  private static OutboxMessage message(OutboundPost post) {
    return new OutboxMessage(
        new ConnectionId("conn-1"), new ChatId("-100123"), new AccountId("acc-1"), post, "1c:m-1");
  }

  @Test
  void everyKindOfPostAndKeyboardRoundTrips() {
    List<OutboundPost> posts =
        List.of(
            new OutboundPost.Text("Здравствуйте 👋", Keyboard.UNCHANGED),
            new OutboundPost.Text(
                "Меню",
                new Keyboard.ShowMenu(
                    new Menu(
                        List.of(
                            List.of(new MenuButton("Да ✅"), new MenuButton("Нет")),
                            List.of(new MenuButton("Оператор")))))),
            new OutboundPost.Text("Без кнопок", Keyboard.REMOVE),
            new OutboundPost.File(
                FileKind.IMAGE,
                Attachment.of(
                    "фото.jpg",
                    "image/jpeg",
                    123_456,
                    new FileRef("https://files.example/abc?sig=1")),
                Optional.of("подпись"),
                new Keyboard.Link(
                    new LinkButton("Открыть", URI.create("https://example.com/a?b=c")))),
            new OutboundPost.File(
                FileKind.FILE,
                new Attachment(
                    "act.pdf",
                    "application/pdf",
                    OptionalLong.empty(),
                    new FileRef("BQACAgIAAxkBAAIB")),
                Optional.empty(),
                Keyboard.UNCHANGED));

    for (OutboundPost post : posts) {
      db.outbox().enqueue(message(post));
      Claimed<OutboxMessage> claimed = db.outbox().claimNext(T0, LEASE).orElseThrow();
      assertThat(claimed.item()).isEqualTo(message(post));
      db.outbox().complete(claimed);
    }
  }

  @Test
  void aRateLimitPostponesExactlyWithoutCountingAnAttempt() {
    db.outbox().enqueue(outbound("1", "first"));
    Claimed<OutboxMessage> limited = db.outbox().claimNext(T0, LEASE).orElseThrow();

    db.outbox().postpone(limited, T0.plusSeconds(7), "RateLimited: retry after 7 s");

    assertThat(db.outbox().claimNext(T0.plusSeconds(7).minusNanos(1000), LEASE)).isEmpty();
    assertThat(db.outbox().claimNext(T0.plusSeconds(7), LEASE).orElseThrow().attempt())
        .as("the rate-limited claim was given back")
        .isEqualTo(1);
  }

  @Test
  void everyInstanceLearnsWhenTheNextRowAnotherPostponedIsDue() throws Exception {
    db.outbox().enqueue(outbound("1", "first"));
    db.outbox().enqueue(outbound("2", "second"));
    db.outbox().enqueue(outbound("3", "third"));
    db.outbox().postpone(db.outbox().claimNext(T0, LEASE).orElseThrow(), T0.plusSeconds(9), "a");
    db.outbox().postpone(db.outbox().claimNext(T0, LEASE).orElseThrow(), T0.plusSeconds(4), "b");
    Persistence late = anotherInstance();

    assertThat(late.outboxDueRows().nextDueAfter(T0)).contains(T0.plusSeconds(4));
    assertThat(late.outboxDueRows().nextDueAfter(T0.plusSeconds(4))).contains(T0.plusSeconds(9));
    assertThat(late.outboxDueRows().nextDueAfter(T0.plusSeconds(9)))
        .as("the row due at once is no waiting row")
        .isEmpty();
  }

  @Test
  void aSenderWhoseWindowIsFullIsPassedOverByThisInstanceUntilItOpensNotByAnother()
      throws Exception {
    ConnectionId full = new ConnectionId("conn-1");
    db.outbox().enqueue(outbound("1", "first of the full bot"));
    db.outbox().enqueue(outbound("2", "second of the full bot"));
    db.outbox()
        .enqueue(
            new OutboxMessage(
                new ConnectionId("conn-2"),
                new ChatId("3"),
                new AccountId("acc-3"),
                new OutboundPost.Text("another bot's", Keyboard.UNCHANGED),
                "1c:another"));
    Instant opens = T0.plusMillis(800);

    db.outboxClosedSenders().closedUntil(full, List.of(opens, opens.plusMillis(100)));

    assertThat(db.outbox().claimNext(T0, LEASE).orElseThrow().item().connection().value())
        .as("the older rows of the full bot are passed over")
        .isEqualTo("conn-2");
    assertThat(db.outbox().claimNext(T0, LEASE)).isEmpty();
    assertThat(db.outboxDueRows().nextDueAfter(T0))
        .as("a worker of this instance is to be woken when they may go")
        .contains(opens);
    assertThat(anotherInstance().outbox().claimNext(T0, LEASE).orElseThrow().item().connection())
        .as("another instance claims them (it learns of the full window by its own claim)")
        .isEqualTo(full);
    assertThat(db.outbox().claimNext(opens, LEASE).orElseThrow().item().connection())
        .as("once the window may open, this instance claims them again")
        .isEqualTo(full);
  }

  @Test
  void eachSlotOfAFullSenderThatOpensLetsOneClaimOfThisInstanceTakeOneOfItsRows() {
    for (String chat : List.of("1", "2", "3", "4")) {
      db.outbox().enqueue(outbound(chat, "to chat " + chat));
    }
    ConnectionId full = new ConnectionId("conn-1");
    Instant first = T0.plusMillis(300);
    Instant second = T0.plusMillis(500);

    db.outboxClosedSenders().closedUntil(full, List.of(second, first));

    assertThat(db.outbox().claimNext(first.minusNanos(1_000), LEASE)).isEmpty();
    assertThat(db.outbox().claimNext(first, LEASE)).as("the first slot open").isPresent();
    assertThat(db.outbox().claimNext(first.plusMillis(1), LEASE))
        .as("its slot is taken: the next row waits for the next slot, claimed by none meanwhile")
        .isEmpty();
    assertThat(db.outboxDueRows().nextDueAfter(first.plusMillis(1))).contains(second);
    assertThat(db.outbox().claimNext(second, LEASE)).as("the second slot open").isPresent();
    assertThat(db.outbox().claimNext(second, LEASE))
        .as("every slot learnt of taken: claimed as any until a claim finds it full again")
        .isPresent();
  }

  @Test
  void aChatHeldBackAfterASendHasItsNextRowsClaimableOnlyOnceItOpensAndNoOtherChatWaits() {
    db.outbox().enqueue(outbound("1", "sent"));
    db.outbox().enqueue(outbound("1", "next"));
    db.outbox().enqueue(outbound("1", "after next"));
    db.outbox().enqueue(outbound("2", "other chat"));
    Claimed<OutboxMessage> sent = db.outbox().claimNext(T0, LEASE).orElseThrow();
    Instant opens = T0.plusMillis(900);

    db.outbox().holdFollowing(sent, opens);
    db.outbox().complete(sent);

    assertThat(db.outbox().claimNext(T0, LEASE).orElseThrow().item().sourceEventId())
        .isEqualTo("1c:other chat");
    assertThat(db.outbox().claimNext(opens.minusNanos(1_000), LEASE))
        .as("the chat's next row is not due before it opens")
        .isEmpty();
    assertThat(
            anotherInstance().outbox().claimNext(opens, LEASE).orElseThrow().item().sourceEventId())
        .as("due then for every instance")
        .isEqualTo("1c:next");
  }

  @Test
  void sendsToOneChatLeaveInTheOrderTheyWereEnqueued() {
    db.outbox().enqueue(outbound("1", "first"));
    db.outbox().enqueue(outbound("1", "second"));
    db.outbox().enqueue(outbound("2", "other chat"));

    Claimed<OutboxMessage> first = db.outbox().claimNext(T0, LEASE).orElseThrow();
    assertThat(db.outbox().claimNext(T0, LEASE).orElseThrow().item().sourceEventId())
        .isEqualTo("1c:other chat");
    assertThat(db.outbox().claimNext(T0, LEASE)).isEmpty();
    db.outbox().complete(first);
    assertThat(db.outbox().claimNext(T0, LEASE).orElseThrow().item().sourceEventId())
        .isEqualTo("1c:second");
  }

  @Test
  void aSendEnqueuedClaimedIsHandedOverWithoutAClaimAndNoClaimFindsIt() throws Exception {
    Persistence otherInstance = anotherInstance();
    Claimed<OutboxMessage> handed =
        db.transactions()
            .inTransaction(() -> db.enqueueClaimedOutbox(outbound("1", "first"), T0, LEASE));

    assertThat(otherInstance.outbox().claimNext(T0, LEASE)).isEmpty();
    assertThat(db.takeHandedOverOutbox(handed)).isTrue();
    assertThat(handed.item().sourceEventId()).isEqualTo("1c:first");
    assertThat(handed.attempt()).isEqualTo(1);
    db.outbox().complete(handed);
    assertThat(otherInstance.outbox().claimNext(T0.plus(LEASE).plusSeconds(1), LEASE)).isEmpty();
  }

  @Test
  void aSendHandedOverBehindAnUnfinishedOneOfItsChatWaitsItsTurn() {
    db.outbox().enqueue(outbound("1", "first"));
    Claimed<OutboxMessage> second = db.enqueueClaimedOutbox(outbound("1", "second"), T0, LEASE);

    assertThat(db.takeHandedOverOutbox(second)).as("the first of its chat is unfinished").isFalse();
    Claimed<OutboxMessage> first = db.outbox().claimNext(T0, LEASE).orElseThrow();
    assertThat(first.item().sourceEventId()).isEqualTo("1c:first");
    assertThat(db.outbox().claimNext(T0, LEASE)).isEmpty();
    db.outbox().complete(first);
    Claimed<OutboxMessage> again = db.outbox().claimNext(T0, LEASE).orElseThrow();
    assertThat(again.item().sourceEventId()).isEqualTo("1c:second");
    assertThat(again.attempt()).as("given back uncounted").isEqualTo(1);
  }

  @Test
  void aSendHandedOverButNotTakenIsGivenBackClaimableAtOnce() {
    Claimed<OutboxMessage> handed = db.enqueueClaimedOutbox(outbound("1", "first"), T0, LEASE);

    db.giveBackOutbox(handed);

    Claimed<OutboxMessage> claimed = db.outbox().claimNext(T0, LEASE).orElseThrow();
    assertThat(claimed.item().sourceEventId()).isEqualTo("1c:first");
    assertThat(claimed.attempt()).isEqualTo(1);
    assertThat(db.takeHandedOverOutbox(handed)).as("its claim is gone").isFalse();
  }

  @Test
  void aSendIsWrittenWithTheStateChangeOrNotAtAll() {
    PlatformUserId anna = new PlatformUserId("anna");

    assertThatThrownBy(
            () ->
                db.transactions()
                    .run(
                        () -> {
                          db.dialogs().save(anna, DialogState.START);
                          db.outbox().enqueue(outbound("1", "hello"));
                          throw new IllegalStateException("the handler failed");
                        }))
        .hasMessage("the handler failed");

    assertThat(db.outbox().claimNext(T0, LEASE)).isEmpty();
    assertThat(db.dialogs().load(anna)).isEmpty();
  }

  @Test
  void nestedTransactionsJoinTheOuterOne() {
    db.outbox().enqueue(outbound("1", "already there"));
    Claimed<OutboxMessage> claimed = db.outbox().claimNext(T0, LEASE).orElseThrow();

    assertThatThrownBy(
            () ->
                db.transactions()
                    .run(
                        () -> {
                          db.outbox().complete(claimed);
                          db.transactions().run(() -> db.outbox().enqueue(outbound("2", "inner")));
                          throw new IllegalStateException("rolled back");
                        }))
        .isInstanceOf(IllegalStateException.class);

    Claimed<OutboxMessage> again = db.outbox().claimNext(T0.plus(LEASE), LEASE).orElseThrow();
    assertThat(again.id()).isEqualTo(claimed.id());
    db.transactions()
        .run(
            () -> {
              db.outbox().complete(again);
              db.transactions().run(() -> db.outbox().enqueue(outbound("2", "inner")));
            });
    assertThat(db.outbox().claimNext(T0.plus(LEASE), LEASE).orElseThrow().item().sourceEventId())
        .isEqualTo("1c:inner");
  }

  @Test
  void aRateLimitedSendWaitsExactlyItsRetryAfter() {
    db.outbox().enqueue(outbound("1", "hello"));
    Claimed<OutboxMessage> claimed = db.outbox().claimNext(T0, LEASE).orElseThrow();

    db.outbox().retryAt(claimed, T0.plusSeconds(3), "RateLimited: 3 s");

    assertThat(db.outbox().claimNext(T0.plusSeconds(3).minusNanos(1_000), LEASE)).isEmpty();
    assertThat(db.outbox().claimNext(T0.plusSeconds(3), LEASE).orElseThrow().attempt())
        .isEqualTo(2);
  }

  @Test
  void aBuriedSendShowsAsADeadLetterOfTheOutbox() {
    db.outbox().enqueue(outbound("1", "hello"));
    Claimed<OutboxMessage> claimed = db.outbox().claimNext(T0, LEASE).orElseThrow();

    db.outbox().bury(claimed, "BotBlockedByUser");

    assertThat(db.deadLetterQueues().newest(5))
        .singleElement()
        .satisfies(
            dead -> {
              assertThat(dead.queue()).isEqualTo(DeadLetter.Queue.OUTBOX);
              assertThat(dead.orderingKey()).isEqualTo("conn-1/1");
              assertThat(dead.reason()).isEqualTo("BotBlockedByUser");
              assertThat(dead.lastError()).isEmpty();
            });
  }

  @Test
  void aRequeuedDeadSendIsClaimedAgainWithFreshAttemptsAndADiscardedOneIsSettled() {
    db.outbox().enqueue(outbound("1", "hello"));
    db.outbox().enqueue(outbound("2", "bye"));
    Claimed<OutboxMessage> hello = db.outbox().claimNext(T0, LEASE).orElseThrow();
    db.outbox().bury(hello, "Refused: 400");
    Claimed<OutboxMessage> bye = db.outbox().claimNext(T0, LEASE).orElseThrow();
    db.outbox().bury(bye, "Refused: 400");
    DeadLetter.Id helloId = new DeadLetter.Id(DeadLetter.Queue.OUTBOX, hello.id());
    DeadLetter.Id byeId = new DeadLetter.Id(DeadLetter.Queue.OUTBOX, bye.id());
    Instant later = T0.plusSeconds(60);

    assertThat(db.deadLetterQueues().requeue(helloId, later)).isTrue();
    assertThat(db.deadLetterQueues().discard(byeId, later)).isTrue();

    assertThat(db.deadLetterQueues().newest(10)).isEmpty();
    assertThat(db.deadLetterQueues().requeue(helloId, later)).isFalse();
    assertThat(db.deadLetterQueues().discard(byeId, later)).isFalse();
    assertThat(db.outbox().claimNext(later.minusSeconds(1), LEASE)).isEmpty();
    Claimed<OutboxMessage> again = db.outbox().claimNext(later, LEASE).orElseThrow();
    assertThat(again.id()).isEqualTo(hello.id());
    assertThat(again.attempt()).isEqualTo(1);
    assertThat(db.outbox().claimNext(later, LEASE)).isEmpty();
    assertThat(db.purgeCompleted(later.plusSeconds(1))).isEqualTo(1);
  }

  /**
   * Claims without a lock or a transaction (a read of the heads, then a conditional UPDATE) and
   * completions sharing commits: workers racing for the same heads still get each row once, and
   * each chat's rows in the order they were enqueued.
   */
  @Test
  void workersClaimingAtOnceGetEachRowOnceAndEachChatInOrder() throws Exception {
    int chats = 12;
    int perChat = 4;
    for (int n = 0; n < perChat; n++) {
      for (int chat = 0; chat < chats; chat++) {
        db.outbox().enqueue(outbound("chat-" + chat, "m-" + chat + "-" + n));
      }
    }
    Map<String, List<Long>> claimedByChat = new ConcurrentHashMap<>();
    List<Long> claimed = Collections.synchronizedList(new ArrayList<>());

    List<Concurrently.Outcome<Integer>> outcomes =
        Concurrently.run(
            8,
            worker ->
                () -> {
                  int sent = 0;
                  for (Optional<Claimed<OutboxMessage>> next = db.outbox().claimNext(T0, LEASE);
                      next.isPresent();
                      next = db.outbox().claimNext(T0, LEASE)) {
                    Claimed<OutboxMessage> row = next.get();
                    claimed.add(row.id());
                    claimedByChat
                        .computeIfAbsent(
                            row.item().chat().value(),
                            chat -> Collections.synchronizedList(new ArrayList<>()))
                        .add(row.id());
                    db.outbox().complete(row);
                    sent++;
                  }
                  return sent;
                });
    // a worker stops at its first empty claim: whatever the others still held is drained here
    for (Optional<Claimed<OutboxMessage>> next = db.outbox().claimNext(T0, LEASE);
        next.isPresent();
        next = db.outbox().claimNext(T0, LEASE)) {
      claimed.add(next.get().id());
      claimedByChat.get(next.get().item().chat().value()).add(next.get().id());
      db.outbox().complete(next.get());
    }

    assertThat(outcomes).allMatch(Concurrently.Outcome::succeeded);
    assertThat(claimed).hasSize(chats * perChat).doesNotHaveDuplicates();
    assertThat(claimedByChat).hasSize(chats);
    claimedByChat.values().forEach(ids -> assertThat(ids).hasSize(perChat).isSorted());
    assertThat(db.outboxBacklog().backlog().pending()).isZero();
  }

  @Test
  void aClaimPassesOverAHeadLeasedMeanwhileAndALoneClaimTakesTheOldestHead() {
    db.outbox().enqueue(outbound("1", "first"));
    db.outbox().enqueue(outbound("2", "second"));
    db.outbox().enqueue(outbound("3", "third"));

    assertThat(db.outbox().claimNext(T0, LEASE).orElseThrow().item().sourceEventId())
        .isEqualTo("1c:first");
    assertThat(db.outbox().claimNext(T0, LEASE).orElseThrow().item().sourceEventId())
        .isEqualTo("1c:second");
    Claimed<OutboxMessage> third = db.outbox().claimNext(T0, LEASE).orElseThrow();
    assertThat(db.outbox().claimNext(T0, LEASE)).isEmpty();
    db.outbox().retryAt(third, T0.plusSeconds(5), "passing failure");
    assertThat(db.outbox().claimNext(T0.plusSeconds(4), LEASE)).isEmpty();
    assertThat(db.outbox().claimNext(T0.plusSeconds(5), LEASE).orElseThrow().attempt())
        .isEqualTo(2);
  }
}
