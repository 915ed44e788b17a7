package io.omnichannel.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.DeadLetter;
import io.omnichannel.core.fakes.InMemoryDeadLetters;
import io.omnichannel.core.fakes.ManualClock;
import io.omnichannel.core.port.in.DeadLetterDesk.Outcome;
import org.junit.jupiter.api.Test;

class ReworkingDeadLettersTest {
  private final ManualClock clock = ManualClock.startingAt("2026-11-29T10:00:00Z");
  private final InMemoryDeadLetters store = new InMemoryDeadLetters();
  private final ReworkingDeadLetters desk = new ReworkingDeadLetters(store, clock);

  @Test
  void aRequeuedLetterIsDueNowAndLeavesTheDeadOnes() {
    DeadLetter.Id outbox = store.park(DeadLetter.Queue.OUTBOX, 7, "Refused: 400");
    DeadLetter.Id inbox = store.park(DeadLetter.Queue.INBOX, 7, "Refused: 400");

    assertThat(desk.requeue(outbox)).isEqualTo(Outcome.REQUEUED);

    assertThat(store.done()).containsExactly("7 requeued at 2026-11-29T10:00:00Z");
    assertThat(desk.deadLetters()).extracting(DeadLetter::id).containsExactly(inbox);
  }

  @Test
  void aLetterSomeoneElseSettledFirstIsNoLongerDead() {
    DeadLetter.Id id = store.park(DeadLetter.Queue.INBOX, 3, "Refused: 400");

    assertThat(desk.discard(id)).isEqualTo(Outcome.DISCARDED);
    assertThat(desk.requeue(id)).isEqualTo(Outcome.NOT_DEAD);
    assertThat(desk.discard(id)).isEqualTo(Outcome.NOT_DEAD);
  }
}
