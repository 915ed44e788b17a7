package io.omnichannel.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotLanesTest {
  private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void theLanesThatFreeFirstAreTakenWhenAllOfThemAreFree() {
    List<Instant> freeAt = List.of(T.plusSeconds(3), T.minusSeconds(1), T);

    assertThat(SlotLanes.takeable(freeAt, 2, T)).containsExactly(1, 2);
    assertThat(SlotLanes.takeable(freeAt, 3, T)).isEmpty();
    assertThat(SlotLanes.opensAt(freeAt, 3)).isEqualTo(T.plusSeconds(3));
  }

  @Test
  void aMessageOfMorePartsThanTheWindowHasSlotsNeedsThemAll() {
    SendingWindow chat = new SendingWindow("telegram:1:42", 3, Duration.ofSeconds(3));

    assertThat(SlotLanes.needed(chat, 5)).isEqualTo(3);
    assertThat(SlotLanes.needed(chat, 2)).isEqualTo(2);
  }

  @Test
  void aTokenBucketLetsItsBurstGoThenOnePerRefillCountedFromWhenEachSendEnded() {
    SendingWindow chat = SendingWindow.tokenBucket("telegram:1:42", 3, Duration.ofSeconds(1));
    Instant full = Instant.EPOCH;

    List<Instant> ends = List.of(T, T.plusMillis(10), T.plusMillis(20));
    for (Instant ended : ends) {
      assertThat(SlotLanes.opensAt(chat, full, 1)).isBeforeOrEqualTo(ended);
      full = SlotLanes.afterSend(chat, full, 1, ended);
    }

    // empty: one slot back a second after the first send ended, full again three seconds after
    assertThat(full).isEqualTo(T.plusSeconds(3));
    assertThat(SlotLanes.opensAt(chat, full, 1)).isEqualTo(T.plusSeconds(1));
    assertThat(SlotLanes.opensAt(chat, full, 3)).isEqualTo(T.plusSeconds(3));
    assertThat(SlotLanes.lanes(chat)).isEqualTo(1);
    assertThat(SlotLanes.needed(chat, 3)).isEqualTo(1);
  }

  @Test
  void aBucketInFlightCountsItsSendAsEndingASpanAfterTheClaimAtTheLatest() {
    SendingWindow chat = SendingWindow.tokenBucket("telegram:1:42", 3, Duration.ofSeconds(1));
    Instant timesOut = T.plusSeconds(30);

    Instant held = SlotLanes.inFlight(chat, Instant.EPOCH, 2, T, timesOut);

    // a sender killed mid-call stalls its chat a span, not the call's 30 s timeout
    assertThat(held).isEqualTo(T.plusSeconds(3));
    assertThat(SlotLanes.opensAt(chat, held, 1)).isEqualTo(T.plusSeconds(1));
    assertThat(SlotLanes.opensAt(chat, SlotLanes.paused(chat, T), 1)).isEqualTo(T);
  }

  @Test
  void aBucketInFlightWithAShortTimeoutCountsItsSendAsEndingThen() {
    SendingWindow chat = SendingWindow.tokenBucket("telegram:1:42", 3, Duration.ofSeconds(1));

    Instant held = SlotLanes.inFlight(chat, Instant.EPOCH, 1, T, T.plusMillis(200));

    assertThat(held).isEqualTo(T.plusMillis(1200));
  }

  @Test
  void aSlidingLaneInFlightCountsItsSendAsEndingWhenTheCallWouldTimeOut() {
    SendingWindow group = new SendingWindow("telegram:1:-100", 20, Duration.ofSeconds(60));
    Instant timesOut = T.plusSeconds(30);

    // the send may have reached the messenger at once: its lane frees a whole span after the
    // timeout, not at it (a group's 60 s outlast a 30 s timeout)
    assertThat(SlotLanes.inFlight(group, Instant.EPOCH, 1, T, timesOut))
        .isEqualTo(timesOut.plusSeconds(60));
  }
}
