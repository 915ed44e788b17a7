package io.omnichannel.persistence;

import static io.omnichannel.persistence.Fixtures.T0;
import static io.omnichannel.persistence.Fixtures.inbound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.DeadLetter;
import io.omnichannel.core.domain.InboundKind;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.domain.failure.ClaimLost;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.InboxNeighbour;
import io.omnichannel.core.port.out.QueueBacklog.Backlog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** B1 on the inbox: one row per source event, leases, per-key order, exact retries, dead rows. */
abstract class InboxContract extends DatabaseTest {
  private static final Duration LEASE = Duration.ofSeconds(30);

  InboxContract(TestDatabase database) {
    super(database);
  }

  @Test
  void storesAnEventOnceAndClaimsItWhole() {
    InboundRecord record = inbound("tg:1001:1", "chat-1");

    assertThat(db.inbox().store(record)).isTrue();
    assertThat(db.inbox().store(record)).isFalse();

    Claimed<InboundRecord> claimed = db.inbox().claimNext(T0, LEASE).orElseThrow();
    assertThat(claimed.item()).isEqualTo(record);
    assertThat(claimed.attempt()).isEqualTo(1);
    assertThat(db.inbox().claimNext(T0, LEASE)).isEmpty();
  }

  @Test
  void theBacklogCountsTheUnfinishedRowsAndDatesTheOldest() {
    assertThat(db.inboxBacklog().backlog()).isEqualTo(Backlog.empty());
    db.inbox().store(inbound("e1", "chat-1"));
    db.inbox()
        .store(
            new InboundRecord(
                InboundKind.CHANNEL_UPDATE,
                Optional.of(new ConnectionId("conn-1")),
                "e2",
                "chat-2",
                "{}",
                T0.plusSeconds(5)));
    db.inbox().store(inbound("e3", "chat-3"));

    db.inbox().complete(db.inbox().claimNext(T0, LEASE).orElseThrow());
    Backlog backlog = db.inboxBacklog().backlog();

    assertThat(backlog.pending()).as("e2 and e3, e1 done").isEqualTo(2);
    assertThat(backlog.oldestPendingSince())
        .as("the oldest row still unfinished")
        .contains(T0.plusSeconds(5));
  }

  @Test
  void aClaimedRowSeesTheRowsOfItsKeyFromAMomentOnAndCompletesThoseItGathered() {
    db.inbox().store(stored("e0", "chat-1", T0.minusSeconds(60)));
    db.inbox().store(stored("e1", "chat-1", T0.minusSeconds(1)));
    db.inbox().complete(db.inbox().claimNext(T0, LEASE).orElseThrow());
    db.inbox().complete(db.inbox().claimNext(T0, LEASE).orElseThrow());
    db.inbox().store(inbound("e2", "chat-1"));
    db.inbox().store(inbound("e3", "chat-1"));
    db.inbox().store(inbound("e4", "chat-1"));
    db.inbox().store(inbound("other", "chat-2"));
    Claimed<InboundRecord> head = db.inbox().claimNext(T0, LEASE).orElseThrow();
    assertThat(head.item().eventId()).isEqualTo("e2");

    List<InboxNeighbour> neighbours = db.inbox().neighboursSince(head, T0.minusSeconds(10));

    assertThat(neighbours)
        .extracting(n -> n.record().eventId(), InboxNeighbour::waiting)
        .containsExactly(tuple("e1", false), tuple("e3", true), tuple("e4", true));
    assertThat(neighbours.get(1).record()).isEqualTo(inbound("e3", "chat-1"));

    db.transactions()
        .run(
            () -> {
              db.inbox().completeGathered(head, List.of(neighbours.get(1).id()));
              db.inbox().complete(head);
            });

    assertThat(db.inbox().claimNext(T0, LEASE).orElseThrow().item().eventId())
        .as("e3 went with e2; chat-1 goes on with e4")
        .isEqualTo("e4");
  }

  @Test
  void rowsOfAnotherKeyAreNeverCompletedAsGathered() {
    db.inbox().store(inbound("e1", "chat-1"));
    db.inbox().store(inbound("other", "chat-2"));
    Claimed<InboundRecord> head = db.inbox().claimNext(T0, LEASE).orElseThrow();
    assertThat(db.inbox().neighboursSince(head, T0)).as("chat-2's row is no neighbour").isEmpty();
    long otherChatsRow = head.id() + 1; // stored right after it

    db.inbox().completeGathered(head, List.of(otherChatsRow));
    db.inbox().complete(head);

    assertThat(db.inbox().claimNext(T0, LEASE).orElseThrow().item().eventId()).isEqualTo("other");
  }

  private static InboundRecord stored(String eventId, String key, Instant at) {
    InboundRecord record = inbound(eventId, key);
    return new InboundRecord(
        record.kind(), record.connection(), eventId, key, record.payload(), at);
  }

  @Test
  void aManagementEventHasNoConnection() {
    InboundRecord record =
        new InboundRecord(
            InboundKind.MANAGEMENT_EVENT, Optional.empty(), "1c:m-1", "specialist-1", "{}", T0);
    db.inbox().store(record);

    assertThat(db.inbox().claimNext(T0, LEASE).orElseThrow().item()).isEqualTo(record);
  }

  @Test
  void theSameUpdateStoredByTwoInstancesAtOnceIsOneRow() throws Exception {
    Persistence otherInstance = anotherInstance();

    List<Concurrently.Outcome<Boolean>> outcomes =
        Concurrently.run(
            4,
            i ->
                () ->
                    (i % 2 == 0 ? db : otherInstance)
                        .inbox()
                        .store(inbound("tg:1001:77", "chat-1")));

    assertThat(outcomes)
        .extracting(Concurrently.Outcome::value)
        .containsOnlyOnce(true)
        .contains(false);
    assertThat(RawRows.dump(database, "SELECT COUNT(*) AS n FROM inbox")).isEqualTo("n=1");
  }

  @Test
  void onlyTheOldestUnfinishedRowOfAKeyCanBeClaimed() {
    db.inbox().store(inbound("e1", "chat-1"));
    db.inbox().store(inbound("e2", "chat-1"));
    db.inbox().store(inbound("e3", "chat-2"));

    Claimed<InboundRecord> first = db.inbox().claimNext(T0, LEASE).orElseThrow();
    Claimed<InboundRecord> other = db.inbox().claimNext(T0, LEASE).orElseThrow();

    assertThat(first.item().eventId()).isEqualTo("e1");
    assertThat(other.item().eventId()).isEqualTo("e3");
    assertThat(db.inbox().claimNext(T0, LEASE)).isEmpty();
    db.inbox().complete(first);
    assertThat(db.inbox().claimNext(T0, LEASE).orElseThrow().item().eventId()).isEqualTo("e2");
  }

  @Test
  void aWorkerKilledMidLeaseHasItsRowRedoneOnceAfterTheLease() {
    db.inbox().store(inbound("e1", "chat-1"));
    db.inbox().claimNext(T0, LEASE).orElseThrow(); // this worker dies: it never completes

    assertThat(db.inbox().claimNext(T0.plus(LEASE).minusNanos(1_000), LEASE)).isEmpty();
    Claimed<InboundRecord> redo = db.inbox().claimNext(T0.plus(LEASE), LEASE).orElseThrow();
    assertThat(redo.item().eventId()).isEqualTo("e1");
    assertThat(redo.attempt()).isEqualTo(2);
    db.inbox().complete(redo);

    assertThat(db.inbox().claimNext(T0.plus(Duration.ofHours(1)), LEASE)).isEmpty();
  }

  @Test
  void aRetryWaitsExactlyUntilItsTimeAndKeepsTheChatBlocked() throws Exception {
    db.inbox().store(inbound("e1", "chat-1"));
    db.inbox().store(inbound("e2", "chat-1"));
    Claimed<InboundRecord> claimed = db.inbox().claimNext(T0, LEASE).orElseThrow();
    Instant retryAfter = T0.plusSeconds(17);

    db.inbox().retryAt(claimed, retryAfter, "RateLimited: retry after 17 s");

    assertThat(db.inbox().claimNext(retryAfter.minusNanos(1_000), LEASE)).isEmpty();
    Claimed<InboundRecord> again = db.inbox().claimNext(retryAfter, LEASE).orElseThrow();
    assertThat(again.item().eventId()).isEqualTo("e1");
    assertThat(again.attempt()).isEqualTo(2);
    assertThat(RawRows.dump(database, "SELECT last_error FROM inbox WHERE id = ?", claimed.id()))
        .isEqualTo("last_error=RateLimited: retry after 17 s");
  }

  @Test
  void aBuriedRowIsListedDeadAndNoLongerBlocksItsChat() {
    db.inbox().store(inbound("e1", "chat-1"));
    db.inbox().store(inbound("e2", "chat-1"));
    Claimed<InboundRecord> claimed = db.inbox().claimNext(T0, LEASE).orElseThrow();
    db.inbox().retryAt(claimed, T0, "PlatformUnavailable: 503");
    Claimed<InboundRecord> second = db.inbox().claimNext(T0, LEASE).orElseThrow();

    db.inbox().bury(second, "PlatformUnavailable: 503 after 2 attempt(s) " + "…".repeat(1200));

    assertThat(db.inbox().claimNext(T0, LEASE).orElseThrow().item().eventId()).isEqualTo("e2");
    assertThat(db.deadLetterQueues().newest(10))
        .singleElement()
        .satisfies(
            dead -> {
              assertThat(dead.queue()).isEqualTo(DeadLetter.Queue.INBOX);
              assertThat(dead.id().row()).isEqualTo(claimed.id());
              assertThat(dead.orderingKey()).isEqualTo("chat-1");
              assertThat(dead.attempts()).isEqualTo(2);
              assertThat(dead.reason())
                  .startsWith("PlatformUnavailable: 503 after 2 attempt(s)")
                  .hasSizeLessThanOrEqualTo(1000);
              assertThat(dead.lastError()).contains("PlatformUnavailable: 503");
            });
  }

  @Test
  void purgingDeletesOldCompletedRowsButKeepsPendingAndDeadOnes() throws Exception {
    db.inbox().store(inbound("done", "chat-1"));
    db.inbox().store(inbound("dead", "chat-2"));
    db.inbox().store(inbound("pending", "chat-3"));
    db.inbox().complete(db.inbox().claimNext(T0, LEASE).orElseThrow());
    db.inbox().bury(db.inbox().claimNext(T0, LEASE).orElseThrow(), "bug");

    assertThat(db.purgeCompleted(Instant.now().plusSeconds(60))).isEqualTo(1);

    assertThat(RawRows.dump(database, "SELECT event_id FROM inbox ORDER BY id"))
        .isEqualTo("event_id=dead\nevent_id=pending");
    assertThat(db.inbox().store(inbound("done", "chat-1")))
        .as("purged ids are no longer duplicates")
        .isTrue();
  }

  @Test
  void finishingAnUnknownRowFails() {
    Claimed<InboundRecord> unknown = new Claimed<>(12345, inbound("e1", "chat-1"), 1, 7L);
    assertThatThrownBy(() -> db.inbox().complete(unknown)).isInstanceOf(ClaimLost.class);
  }

  @Test
  void twoWorkersNeverGetTheSameRowAndKeepEachChatsOrder() throws Exception {
    int chats = 5;
    int perChat = 12;
    for (int n = 0; n < perChat; n++) {
      for (int chat = 0; chat < chats; chat++) {
        db.inbox().store(inbound("chat-" + chat + "/" + n, "chat-" + chat));
      }
    }
    Persistence otherInstance = anotherInstance();
    Map<Long, String> handledBy = new ConcurrentHashMap<>();
    List<String> handled = Collections.synchronizedList(new ArrayList<>());

    List<Concurrently.Outcome<Integer>> outcomes =
        Concurrently.run(
            2,
            worker ->
                () -> {
                  Persistence instance = worker == 0 ? db : otherInstance;
                  int count = 0;
                  for (Optional<Claimed<InboundRecord>> next =
                          instance.inbox().claimNext(T0, Duration.ofHours(1));
                      next.isPresent();
                      next = instance.inbox().claimNext(T0, Duration.ofHours(1))) {
                    String previous = handledBy.putIfAbsent(next.get().id(), "worker-" + worker);
                    if (previous != null) {
                      throw new AssertionError("row " + next.get().id() + " claimed twice");
                    }
                    handled.add(next.get().item().eventId());
                    instance.inbox().complete(next.get());
                    count++;
                  }
                  return count;
                });

    assertThat(outcomes).allMatch(Concurrently.Outcome::succeeded);
    assertThat(handled).hasSize(chats * perChat).doesNotHaveDuplicates();
    for (int chat = 0; chat < chats; chat++) {
      String prefix = "chat-" + chat + "/";
      List<Integer> order =
          handled.stream()
              .filter(id -> id.startsWith(prefix))
              .map(id -> Integer.parseInt(id.substring(prefix.length())))
              .toList();
      assertThat(order).as("order of chat %s", chat).isSorted().hasSize(perChat);
    }
  }

  @Test
  void anEventStoredClaimedIsHeldByThatClaimAndTakenAtOnceWhenFirstOfItsChat() {
    InboundRecord record = inbound("tg:1001:7", "chat-7");

    Claimed<InboundRecord> handed = db.storeClaimed(record, T0, LEASE).orElseThrow();

    assertThat(handed.item()).isEqualTo(record);
    assertThat(handed.attempt()).isEqualTo(1);
    assertThat(db.storeClaimed(record, T0, LEASE)).as("a redelivery").isEmpty();
    assertThat(db.inbox().store(record)).as("a redelivery").isFalse();
    assertThat(db.inbox().claimNext(T0, LEASE))
        .as("held by the claim it was stored with")
        .isEmpty();
    assertThat(db.takeHandedOver(handed)).isTrue();
    db.inbox().complete(handed);
    assertThat(db.inbox().claimNext(T0.plus(LEASE), LEASE)).isEmpty();
  }

  @Test
  void anEventStoredClaimedBehindAnUnfinishedOneOfItsChatIsGivenBackAndWaitsItsTurn() {
    assertThat(db.inbox().store(inbound("tg:1001:8", "chat-8"))).isTrue();
    Claimed<InboundRecord> handed =
        db.storeClaimed(inbound("tg:1001:9", "chat-8"), T0, LEASE).orElseThrow();

    assertThat(db.takeHandedOver(handed)).isFalse();
    assertThatThrownBy(() -> db.inbox().complete(handed)).isInstanceOf(ClaimLost.class);

    Claimed<InboundRecord> first = db.inbox().claimNext(T0, LEASE).orElseThrow();
    assertThat(first.item().eventId()).isEqualTo("tg:1001:8");
    db.inbox().complete(first);
    Claimed<InboundRecord> second = db.inbox().claimNext(T0, LEASE).orElseThrow();
    assertThat(second.item().eventId()).isEqualTo("tg:1001:9");
    assertThat(second.attempt()).as("giving it back was no attempt").isEqualTo(1);
  }

  @Test
  void aClaimTakesSeveralRowsEachTheFirstOfItsChatUnderOneLease() {
    db.inbox().store(inbound("a1", "chat-a"));
    db.inbox().store(inbound("a2", "chat-a"));
    db.inbox().store(inbound("b1", "chat-b"));
    db.inbox().store(inbound("c1", "chat-c"));

    List<Claimed<InboundRecord>> claimed = db.claimInbox(T0, LEASE, 10);

    assertThat(claimed)
        .extracting(c -> c.item().eventId())
        .as("a2 waits behind a1")
        .containsExactly("a1", "b1", "c1");
    assertThat(claimed).allMatch(c -> c.attempt() == 1);
    assertThat(db.claimInbox(T0, LEASE, 10)).as("all held").isEmpty();
    assertThat(db.inbox().claimNext(T0.plus(LEASE).plusSeconds(1), LEASE))
        .as("the lease runs out as for one row")
        .map(c -> c.item().eventId())
        .contains("a1");
    assertThatThrownBy(() -> db.inbox().complete(claimed.get(0))).isInstanceOf(ClaimLost.class);
    db.inbox().complete(claimed.get(1));
    assertThat(db.claimInbox(T0, LEASE, 2))
        .as("a1 held again, a2 behind it, c1 still held")
        .isEmpty();
  }

  @Test
  void twoWorkersClaimingSeveralAtOnceNeverShareARowAndKeepEachChatsOrder() throws Exception {
    int chats = 8;
    int perChat = 10;
    for (int n = 0; n < perChat; n++) {
      for (int chat = 0; chat < chats; chat++) {
        db.inbox().store(inbound("chat-" + chat + "/" + n, "chat-" + chat));
      }
    }
    Persistence otherInstance = anotherInstance();
    Map<Long, String> handledBy = new ConcurrentHashMap<>();
    List<String> handled = Collections.synchronizedList(new ArrayList<>());

    List<Concurrently.Outcome<Integer>> outcomes =
        Concurrently.run(
            2,
            worker ->
                () -> {
                  Persistence instance = worker == 0 ? db : otherInstance;
                  int count = 0;
                  for (List<Claimed<InboundRecord>> next =
                          instance.claimInbox(T0, Duration.ofHours(1), 3);
                      !next.isEmpty();
                      next = instance.claimInbox(T0, Duration.ofHours(1), 3)) {
                    for (Claimed<InboundRecord> row : next) {
                      String previous = handledBy.putIfAbsent(row.id(), "worker-" + worker);
                      if (previous != null) {
                        throw new AssertionError("row " + row.id() + " claimed twice");
                      }
                      handled.add(row.item().eventId());
                      instance.inbox().complete(row);
                      count++;
                    }
                  }
                  return count;
                });

    assertThat(outcomes).allMatch(Concurrently.Outcome::succeeded);
    assertThat(handled).hasSize(chats * perChat).doesNotHaveDuplicates();
    for (int chat = 0; chat < chats; chat++) {
      String prefix = "chat-" + chat + "/";
      List<Integer> order =
          handled.stream()
              .filter(id -> id.startsWith(prefix))
              .map(id -> Integer.parseInt(id.substring(prefix.length())))
              .toList();
      assertThat(order).as("order of chat %s", chat).isSorted().hasSize(perChat);
    }
  }

  @Test
  void eventsStoredTogetherAreEachStoredOnceAndEachCallerLearnsItsOwnOutcome() throws Exception {
    int callers = 24;

    List<Concurrently.Outcome<Boolean>> outcomes =
        Concurrently.run(
            callers,
            i -> () -> db.inbox().store(inbound("tg:1001:" + (i % (callers / 2)), "chat-" + i)));

    assertThat(outcomes).allMatch(Concurrently.Outcome::succeeded);
    assertThat(outcomes.stream().filter(Concurrently.Outcome::value).count())
        .as("each event once, its redelivery a duplicate")
        .isEqualTo(callers / 2);
    assertThat(RawRows.dump(database, "SELECT COUNT(*) AS n FROM inbox"))
        .isEqualTo("n=" + callers / 2);
  }

  @Test
  void aBatchOfStoresThatFailsIsRolledBackWholeAndAcknowledgesNone() throws Exception {
    Db raw = (Db) db.transactions();
    GroupCommit commits = new GroupCommit(raw, 64, 1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      // the first write leads alone and is held, so that the next three queue into one batch
      Future<Long> lone = HeldWriter.hold(commits, raw, threads, release);
      Future<Long> first = threads.submit(() -> commits.run(() -> RawInbox.insert(raw, "b1")));
      Future<Long> second = threads.submit(() -> commits.run(() -> RawInbox.insert(raw, "b2")));
      Future<Long> failing =
          threads.submit(
              () ->
                  commits.run(
                      () -> {
                        RawInbox.insert(raw, "b3");
                        throw new IllegalStateException("the third write fails");
                      }));
      HeldWriter.awaitQueued(commits, 3);
      release.countDown();

      assertThat(lone.get(30, TimeUnit.SECONDS)).isPositive();
      for (Future<Long> member : List.of(first, second, failing)) {
        assertThatThrownBy(() -> member.get(30, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .hasRootCauseMessage("the third write fails");
      }
      assertThat(RawRows.dump(database, "SELECT event_id FROM inbox ORDER BY id"))
          .as("none of the failed batch stored")
          .isEqualTo("event_id=lone");
    } finally {
      release.countDown();
      threads.shutdownNow();
    }
  }

  @Test
  void aWriteRidingWithTheNextBatchIsWrittenInItsCommitOrByAFlush() throws Exception {
    Db raw = (Db) db.transactions();
    GroupCommit commits = new GroupCommit(raw, 64, 1, Optional.empty());

    commits.runSoon(() -> RawInbox.insert(raw, "rider"));
    assertThat(commits.hasRiders()).isTrue();
    assertThat(RawRows.dump(database, "SELECT COUNT(*) AS n FROM inbox"))
        .as("no linger here: it waits for a batch")
        .isEqualTo("n=0");
    commits.run(() -> RawInbox.insert(raw, "store"));
    assertThat(RawRows.dump(database, "SELECT event_id FROM inbox ORDER BY id"))
        .isEqualTo("event_id=rider\nevent_id=store");
    assertThat(commits.hasRiders()).isFalse();

    commits.runSoon(() -> RawInbox.insert(raw, "lone"));
    assertThat(commits.flush()).isTrue();
    assertThat(commits.flush()).as("nothing left to write").isFalse();
    assertThat(RawRows.dump(database, "SELECT COUNT(*) AS n FROM inbox WHERE event_id = 'lone'"))
        .isEqualTo("n=1");
  }

  @Test
  void aRowCompletedSoonFreesTheNextOfItsChatOnceWrittenAndWakesWhoMissedIt() throws Exception {
    CountDownLatch freed = new CountDownLatch(1);
    db.whenInboxRowsFreed(freed::countDown);
    assertThat(db.inbox().store(inbound("tg:1001:40", "chat-40"))).isTrue();
    assertThat(db.inbox().store(inbound("tg:1001:41", "chat-40"))).isTrue();
    Claimed<InboundRecord> first = db.inbox().claimNext(T0, LEASE).orElseThrow();

    db.inbox().completeSoon(first);
    Optional<Claimed<InboundRecord>> next = db.inbox().claimNext(T0, LEASE);
    if (next.isEmpty()) {
      // the completion was not written yet: the claim passed the row over, and is told once it is
      assertThat(freed.await(30, TimeUnit.SECONDS)).isTrue();
      next = db.inbox().claimNext(T0, LEASE);
    }

    assertThat(next.orElseThrow().item().eventId()).isEqualTo("tg:1001:41");
    assertThat(
            RawRows.dump(
                database,
                "SELECT COUNT(*) AS n FROM inbox WHERE event_id = 'tg:1001:40' AND finished = TRUE"))
        .isEqualTo("n=1");
  }

  @Test
  void aRowStoredClaimedBehindOneCompletedSoonIsTakenAtOnce() {
    assertThat(db.inbox().store(inbound("tg:1001:50", "chat-50"))).isTrue();
    Claimed<InboundRecord> first = db.inbox().claimNext(T0, LEASE).orElseThrow();
    db.inbox().completeSoon(first);

    Claimed<InboundRecord> handed =
        db.storeClaimed(inbound("tg:1001:51", "chat-50"), T0, LEASE).orElseThrow();

    assertThat(db.takeHandedOver(handed))
        .as("the store carried the completion, or the check wrote it first")
        .isTrue();
  }

  @Test
  void completionsQueuedTogetherFinishTheirRowsAndOneByAClaimNoLongerHeldChangesNothing()
      throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(db.inbox().store(inbound("tg:1001:6" + i, "chat-6" + i))).isTrue();
    }
    List<Claimed<InboundRecord>> together = db.claimInbox(T0, LEASE, 2);
    assertThat(together).hasSize(2);
    Claimed<InboundRecord> third = db.inbox().claimNext(T0, LEASE).orElseThrow();
    // the third row as an earlier claim of the first two's token held it (its lease lost since)
    Claimed<InboundRecord> lost =
        new Claimed<>(third.id(), third.item(), third.attempt(), together.get(0).token());

    together.forEach(db.inbox()::completeSoon);
    db.inbox().completeSoon(lost);
    ((JdbcInbox) db.inbox()).flushCompletions();

    assertThat(
            RawRows.dump(
                database,
                "SELECT event_id FROM inbox WHERE finished = FALSE AND event_id LIKE 'tg:1001:6%'"))
        .as("the first two finished, the third still unfinished")
        .isEqualTo("event_id=tg:1001:62");
    assertThat(db.inbox().renew(third, T0.plus(LEASE))).as("still held by its claim").isTrue();
  }
}
