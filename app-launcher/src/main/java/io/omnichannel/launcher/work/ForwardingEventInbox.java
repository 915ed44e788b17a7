package io.omnichannel.launcher.work;

import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.EventInbox;
import io.omnichannel.core.port.out.InboxNeighbour;
import java.time.Instant;
import java.util.List;

/** Passes every inbox call on, for decorators that add one thing (waking, remembering). */
public abstract class ForwardingEventInbox extends ForwardingQueue<InboundRecord>
    implements EventInbox {
  private final EventInbox inbox;

  protected ForwardingEventInbox(EventInbox inbox) {
    super(inbox);
    this.inbox = inbox;
  }

  @Override
  public boolean store(InboundRecord record) {
    return inbox.store(record);
  }

  @Override
  public List<InboxNeighbour> neighboursSince(Claimed<InboundRecord> claimed, Instant since) {
    return inbox.neighboursSince(claimed, since);
  }

  @Override
  public void completeSoon(Claimed<InboundRecord> claimed) {
    inbox.completeSoon(claimed);
  }

  @Override
  public void completeGathered(Claimed<InboundRecord> claimed, List<Long> gathered) {
    inbox.completeGathered(claimed, gathered);
  }
}
