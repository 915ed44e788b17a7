package io.omnichannel.launcher;

import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.EventInbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The inbox, waking the workers of this instance as soon as an event is stored (others find it by polling). */
final class WakingInbox implements EventInbox {
  private final EventInbox inbox;
  private volatile Runnable onStored = () -> {};

  WakingInbox(EventInbox inbox) {
    this.inbox = inbox;
  }

  void onStored(Runnable wake) {
    this.onStored = wake;
  }

  @Override
  public boolean store(InboundRecord record) {
    boolean stored = inbox.store(record);
    if (stored) {
      onStored.run();
    }
    return stored;
  }

  @Override
  public Optional<Claimed<InboundRecord>> claimNext(Instant now, Duration lease) {
    return inbox.claimNext(now, lease);
  }

  @Override
  public void complete(long id) {
    inbox.complete(id);
  }

  @Override
  public void retryAt(long id, Instant next, String reason) {
    inbox.retryAt(id, next, reason);
  }

  @Override
  public void postpone(long id, Instant next, String reason) {
    inbox.postpone(id, next, reason);
  }

  @Override
  public void bury(long id, String reason) {
    inbox.bury(id, reason);
  }
}
