package io.omnichannel.persistence;

import io.omnichannel.core.domain.DeadLetter;
import io.omnichannel.core.port.out.DeadLetters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The dead rows of both queues, for the operator. */
final class JdbcDeadLetters implements DeadLetters {
  private final JdbcQueue<?> inbox;
  private final JdbcQueue<?> outbox;

  JdbcDeadLetters(JdbcQueue<?> inbox, JdbcQueue<?> outbox) {
    this.inbox = inbox;
    this.outbox = outbox;
  }

  @Override
  public List<DeadLetter> newest(int limit) {
    List<DeadLetter> all = new ArrayList<>(inbox.deadLetters(limit));
    all.addAll(outbox.deadLetters(limit));
    return List.copyOf(all.subList(0, Math.min(limit, all.size())));
  }

  @Override
  public boolean requeue(DeadLetter.Id id, Instant now) {
    return queueOf(id).requeue(id.row(), now);
  }

  @Override
  public boolean discard(DeadLetter.Id id, Instant now) {
    return queueOf(id).discard(id.row(), now);
  }

  private JdbcQueue<?> queueOf(DeadLetter.Id id) {
    return switch (id.queue()) {
      case INBOX -> inbox;
      case OUTBOX -> outbox;
    };
  }
}
