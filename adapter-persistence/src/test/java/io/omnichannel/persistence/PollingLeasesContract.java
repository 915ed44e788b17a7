package io.omnichannel.persistence;

import static io.omnichannel.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ConnectionId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** B3: one poller per bot; an owner that stops renewing loses it when the lease runs out. */
abstract class PollingLeasesContract extends DatabaseTest {
  private static final Duration TTL = Duration.ofSeconds(20);
  private final ConnectionId bot = new ConnectionId("conn-1");

  PollingLeasesContract(TestDatabase database) {
    super(database);
  }

  @Test
  void oneHolderAtATimeWhoCanRenew() {
    assertThat(db.pollingLeases().acquireOrRenew(bot, "instance-a", T0, TTL)).isTrue();
    assertThat(db.pollingLeases().acquireOrRenew(bot, "instance-b", T0.plusSeconds(1), TTL))
        .isFalse();
    assertThat(db.pollingLeases().acquireOrRenew(bot, "instance-a", T0.plusSeconds(10), TTL))
        .isTrue();
    assertThat(db.pollingLeases().acquireOrRenew(bot, "instance-b", T0.plusSeconds(25), TTL))
        .isFalse();
    assertThat(db.pollingLeases().acquireOrRenew(new ConnectionId("conn-2"), "instance-b", T0, TTL))
        .isTrue();
  }

  @Test
  void anotherInstanceTakesOverWhenTheHolderStopsRenewing() {
    db.pollingLeases().acquireOrRenew(bot, "instance-a", T0, TTL);

    assertThat(
            db.pollingLeases()
                .acquireOrRenew(bot, "instance-b", T0.plus(TTL).minusNanos(1_000), TTL))
        .isFalse();
    assertThat(db.pollingLeases().acquireOrRenew(bot, "instance-b", T0.plus(TTL), TTL)).isTrue();
    assertThat(
            db.pollingLeases().acquireOrRenew(bot, "instance-a", T0.plus(TTL).plusSeconds(1), TTL))
        .isFalse();
  }

  @Test
  void aReleasedLeaseIsFreeAtOnceButOnlyItsHolderCanReleaseIt() {
    db.pollingLeases().acquireOrRenew(bot, "instance-a", T0, TTL);

    db.pollingLeases().release(bot, "instance-b");
    assertThat(db.pollingLeases().acquireOrRenew(bot, "instance-b", T0.plusSeconds(1), TTL))
        .isFalse();
    db.pollingLeases().release(bot, "instance-a");
    assertThat(db.pollingLeases().acquireOrRenew(bot, "instance-b", T0.plusSeconds(1), TTL))
        .isTrue();
  }

  @Test
  void instancesRacingForAFreeLeaseGetOneHolder() throws Exception {
    Persistence otherInstance = anotherInstance();

    List<Concurrently.Outcome<Boolean>> outcomes =
        Concurrently.run(
            4,
            i ->
                () ->
                    (i % 2 == 0 ? db : otherInstance)
                        .pollingLeases()
                        .acquireOrRenew(bot, "instance-" + i, T0, TTL));

    assertThat(outcomes)
        .extracting(Concurrently.Outcome::value)
        .containsOnlyOnce(true)
        .contains(false);
  }
}
