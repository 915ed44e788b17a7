package io.omnichannel.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.launcher.work.DueWakeups;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WakingClosedSendersTest {
  @Test
  void aWorkerIsWokenWhenTheFirstSlotOfAClosedSenderOpensAndTheSenderIsPassedOn() throws Exception {
    CountDownLatch woken = new CountDownLatch(1);
    List<List<Instant>> told = new ArrayList<>();
    Instant now = Instant.now();
    try (DueWakeups wakeups = new DueWakeups(woken::countDown, Clock.systemUTC())) {
      WakingClosedSenders closed =
          new WakingClosedSenders((connection, openings) -> told.add(openings), wakeups);

      closed.closedUntil(
          new ConnectionId("conn-1"), List.of(now.plusMillis(50), now.plusSeconds(60)));

      assertThat(told).containsExactly(List.of(now.plusMillis(50), now.plusSeconds(60)));
      assertThat(woken.await(10, TimeUnit.SECONDS))
          .as("woken at the first slot, not at the idle look")
          .isTrue();
    }
  }
}
