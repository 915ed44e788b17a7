package io.omnichannel.core.fakes;

import io.omnichannel.core.domain.DeadLetter;
import io.omnichannel.core.port.out.DeadLetters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Dead queue rows in memory; what was done to them is kept as lines for tests to read. */
public final class InMemoryDeadLetters implements DeadLetters {
  private final Map<DeadLetter.Id, DeadLetter> dead = new LinkedHashMap<>();
  private final List<String> done = new ArrayList<>();

  /** Parks a row as dead. */
  public synchronized DeadLetter.Id park(DeadLetter.Queue queue, long row, String reason) {
    DeadLetter letter =
        new DeadLetter(new DeadLetter.Id(queue, row), "chat-1", 12, reason, Optional.empty());
    dead.put(letter.id(), letter);
    return letter.id();
  }

  /** What was done, as "{@code <row> requeued|discarded at <instant>}". */
  public synchronized List<String> done() {
    return List.copyOf(done);
  }

  @Override
  public synchronized List<DeadLetter> newest(int limit) {
    return dead.values().stream().limit(limit).toList();
  }

  @Override
  public synchronized boolean requeue(DeadLetter.Id id, Instant now) {
    return settle(id, "requeued at " + now);
  }

  @Override
  public synchronized boolean discard(DeadLetter.Id id, Instant now) {
    return settle(id, "discarded at " + now);
  }

  private boolean settle(DeadLetter.Id id, String what) {
    boolean wasDead = dead.remove(id) != null;
    if (wasDead) {
      done.add(id.row() + " " + what);
    }
    return wasDead;
  }
}
