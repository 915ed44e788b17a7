package io.omnichannel.persistence;

import static io.omnichannel.persistence.Fixtures.T0;
import static io.omnichannel.persistence.Fixtures.inbound;
import static io.omnichannel.persistence.Fixtures.outbound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.domain.failure.ClaimLost;
import io.omnichannel.core.port.out.Claimed;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Recovery in seconds on the real queues: a restarted instance frees the rows it left claimed, a
 * worker renews the lease of a row it is still working on, and a worker whose lease ran out and
 * whose row another took changes nothing (every write is fenced by the claim's token).
 */
abstract class QueueClaimsContract extends DatabaseTest {
  private static final Duration LEASE = Duration.ofSeconds(10);

  QueueClaimsContract(TestDatabase database) {
    super(database);
  }

  @Test
  void anInstanceStartedAgainUnderItsNameTakesBackTheRowsItLeftClaimedAtOnce() throws Exception {
    Persistence killed = instanceNamed("gateway-a");
    Persistence elsewhere = instanceNamed("gateway-b");
    killed.inbox().store(inbound("e1", "chat-1"));
    killed.outbox().enqueue(outbound("1", "answer"));
    elsewhere.inbox().store(inbound("e2", "chat-2"));
    Claimed<InboundRecord> leftBehind = killed.inbox().claimNext(T0, LEASE).orElseThrow();
    killed.outbox().claimNext(T0, LEASE).orElseThrow();
    Claimed<InboundRecord> othersRow = elsewhere.inbox().claimNext(T0, LEASE).orElseThrow();
    assertThat(RawRows.dump(database, "SELECT claimed_by FROM inbox ORDER BY id"))
        .isEqualTo("claimed_by=gateway-a\nclaimed_by=gateway-b");

    Persistence restarted = instanceNamed("gateway-a");
    int released = restarted.releaseClaimsLeftBehind();

    Claimed<InboundRecord> again = restarted.inbox().claimNext(T0, LEASE).orElseThrow();
    assertThat(again.id()).isEqualTo(leftBehind.id());
    assertThat(again.attempt()).isEqualTo(2);
    assertThat(restarted.outbox().claimNext(T0, LEASE)).isPresent();
    if (config.isEmbedded()) {
      // one process at a time opens the embedded database: every claim in it is left behind
      assertThat(released).isEqualTo(3);
    } else {
      assertThat(released).as("another running instance keeps its rows").isEqualTo(2);
      assertThat(restarted.inbox().claimNext(T0, LEASE)).isEmpty();
      elsewhere.inbox().complete(othersRow);
    }
    restarted.inbox().complete(again);
    assertThatThrownBy(() -> killed.inbox().complete(leftBehind))
        .as("the killed run's claim counts no more")
        .isInstanceOf(ClaimLost.class);
  }

  @Test
  void aRenewedLeaseKeepsALongRunningRowFromOtherWorkers() {
    db.outbox().enqueue(outbound("1", "slow"));
    Persistence other = anotherInstance();
    Claimed<OutboxMessage> slow = db.outbox().claimNext(T0, LEASE).orElseThrow();

    assertThat(db.outbox().renew(slow, T0.plusSeconds(7).plus(LEASE))).isTrue();

    assertThat(other.outbox().claimNext(T0.plus(LEASE), LEASE))
        .as("past the first lease, within the renewed one")
        .isEmpty();
    assertThat(other.outbox().claimNext(T0.plusSeconds(17).minusNanos(1_000), LEASE)).isEmpty();
    db.outbox().complete(slow);
    assertThat(other.outbox().claimNext(T0.plus(Duration.ofHours(1)), LEASE)).isEmpty();
  }

  @Test
  void aRenewalByAClaimThatLostItsRowFails() {
    db.outbox().enqueue(outbound("1", "taken"));
    Claimed<OutboxMessage> stale = db.outbox().claimNext(T0, LEASE).orElseThrow();
    Claimed<OutboxMessage> taker =
        anotherInstance().outbox().claimNext(T0.plus(LEASE), LEASE).orElseThrow();

    assertThat(db.outbox().renew(stale, T0.plus(LEASE).plus(LEASE))).isFalse();
    assertThat(db.outbox().renew(taker, T0.plus(LEASE).plus(LEASE))).isTrue();
  }

  @Test
  void aStaleWorkersCompletionRetryAndBurialChangeNothing() throws Exception {
    db.inbox().store(inbound("e1", "chat-1"));
    db.inbox().store(inbound("e2", "chat-1"));
    Claimed<InboundRecord> stale = db.inbox().claimNext(T0, LEASE).orElseThrow();
    Claimed<InboundRecord> taker =
        anotherInstance().inbox().claimNext(T0.plus(LEASE), LEASE).orElseThrow();
    assertThat(taker.id()).isEqualTo(stale.id());

    assertThatThrownBy(() -> db.inbox().complete(stale)).isInstanceOf(ClaimLost.class);
    assertThatThrownBy(() -> db.inbox().retryAt(stale, T0, "late")).isInstanceOf(ClaimLost.class);
    assertThatThrownBy(() -> db.inbox().postpone(stale, T0, "late")).isInstanceOf(ClaimLost.class);
    assertThatThrownBy(() -> db.inbox().bury(stale, "late")).isInstanceOf(ClaimLost.class);

    assertThat(
            RawRows.dump(
                database,
                "SELECT finished, attempts, last_error, dead_reason FROM inbox WHERE id = ?",
                stale.id()))
        .as("the row is as the taker's claim left it")
        .containsIgnoringCase("finished=false")
        .contains("attempts=2", "last_error=null", "dead_reason=null");
    assertThat(db.inbox().claimNext(T0.plus(LEASE), LEASE)).as("still held by the taker").isEmpty();
    db.inbox().complete(taker);
    assertThat(db.inbox().claimNext(T0.plus(LEASE), LEASE).orElseThrow().item().eventId())
        .isEqualTo("e2");
  }

  @Test
  void aStaleWorkersTransactionIsRolledBackWithWhatItWouldHaveEnqueued() throws Exception {
    db.inbox().store(inbound("e1", "chat-1"));
    Claimed<InboundRecord> stale = db.inbox().claimNext(T0, LEASE).orElseThrow();
    Claimed<InboundRecord> taker =
        anotherInstance().inbox().claimNext(T0.plus(LEASE), LEASE).orElseThrow();

    assertThatThrownBy(
            () ->
                db.transactions()
                    .run(
                        () -> {
                          db.outbox().enqueue(outbound("1", "the answer"));
                          db.inbox().complete(stale);
                        }))
        .isInstanceOf(ClaimLost.class);

    assertThat(RawRows.dump(database, "SELECT COUNT(*) AS n FROM outbox"))
        .as("no doubled send")
        .isEqualTo("n=0");
    db.transactions()
        .run(
            () -> {
              db.outbox().enqueue(outbound("1", "the answer"));
              db.inbox().complete(taker);
            });
    assertThat(RawRows.dump(database, "SELECT COUNT(*) AS n FROM outbox")).isEqualTo("n=1");
  }
}
