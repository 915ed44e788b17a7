package io.omnichannel.launcher;

import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.EventInbox;
import io.omnichannel.core.port.out.InboxNeighbour;
import io.omnichannel.launcher.work.ForwardingQueue;
import java.time.Instant;
import java.util.List;

/**
 * The inbox, waking the workers of this instance as soon as an event is stored (others find it by
 * polling).
 */
final class WakingInbox extends ForwardingQueue<InboundRecord> implements EventInbox {
  private final EventInbox inbox;
  private volatile Runnable onStored = () -> {};

  WakingInbox(EventInbox inbox) {
    super(inbox);
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
  public List<InboxNeighbour> neighboursSince(Claimed<InboundRecord> claimed, Instant since) {
    return inbox.neighboursSince(claimed, since);
  }

  @Override
  public void completeGathered(Claimed<InboundRecord> claimed, List<Long> gathered) {
    inbox.completeGathered(claimed, gathered);
  }
}
