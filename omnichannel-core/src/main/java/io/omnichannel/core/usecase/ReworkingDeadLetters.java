package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.DeadLetter;
import io.omnichannel.core.port.in.DeadLetterDesk;
import io.omnichannel.core.port.out.DeadLetters;
import java.time.Clock;
import java.util.List;

/**
 * An operator's hand on the dead rows: a requeued row is due at once with fresh attempts (the cause
 * was fixed meanwhile), a discarded one is settled as done without being done.
 */
public final class ReworkingDeadLetters implements DeadLetterDesk {
  /** As many as one page shows; older ones wait until these are dealt with. */
  static final int SHOWN = 200;

  private final DeadLetters deadLetters;
  private final Clock clock;

  public ReworkingDeadLetters(DeadLetters deadLetters, Clock clock) {
    this.deadLetters = deadLetters;
    this.clock = clock;
  }

  @Override
  public List<DeadLetter> deadLetters() {
    return deadLetters.newest(SHOWN);
  }

  @Override
  public Outcome requeue(DeadLetter.Id id) {
    return deadLetters.requeue(id, clock.instant()) ? Outcome.REQUEUED : Outcome.NOT_DEAD;
  }

  @Override
  public Outcome discard(DeadLetter.Id id) {
    return deadLetters.discard(id, clock.instant()) ? Outcome.DISCARDED : Outcome.NOT_DEAD;
  }
}
