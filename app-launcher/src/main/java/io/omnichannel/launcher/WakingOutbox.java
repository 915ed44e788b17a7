package io.omnichannel.launcher;

import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The outbox, waking the send workers when a row is enqueued. Rows enqueued inside a transaction are
 * visible once it commits; a worker woken early finds nothing and looks again at its idle interval.
 */
final class WakingOutbox implements Outbox {
  private final Outbox outbox;
  private final Runnable wake;

  WakingOutbox(Outbox outbox, Runnable wake) {
    this.outbox = outbox;
    this.wake = wake;
  }

  @Override
  public void enqueue(OutboxMessage message) {
    outbox.enqueue(message);
    wake.run();
  }

  @Override
  public Optional<Claimed<OutboxMessage>> claimNext(Instant now, Duration lease) {
    return outbox.claimNext(now, lease);
  }

  @Override
  public void complete(long id) {
    outbox.complete(id);
  }

  @Override
  public void retryAt(long id, Instant next, String reason) {
    outbox.retryAt(id, next, reason);
  }

  @Override
  public void postpone(long id, Instant next, String reason) {
    outbox.postpone(id, next, reason);
  }

  @Override
  public void bury(long id, String reason) {
    outbox.bury(id, reason);
  }
}
