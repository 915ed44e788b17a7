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
}
