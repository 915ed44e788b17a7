package io.omnichannel.core.port.in;

import io.omnichannel.core.domain.DeadLetter;
import java.util.List;

/** What an operator does with dead letters: look, put one back in its queue, or discard it. */
public interface DeadLetterDesk {
  List<DeadLetter> deadLetters();

  Outcome requeue(DeadLetter.Id id);

  Outcome discard(DeadLetter.Id id);

  enum Outcome {
    REQUEUED,
    DISCARDED,
    /** No dead row has this id any more: someone acted on it first. */
    NOT_DEAD
  }
}
