package io.omnichannel.launcher.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.EventInbox;
import io.omnichannel.core.port.out.InboxNeighbour;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The inbox, counting events received and redeliveries recognised as duplicates, per source kind.
 */
final class MeteredInbox extends MeteredQueue<InboundRecord> implements EventInbox {
  private final EventInbox inbox;
  private final MeterRegistry registry;

  MeteredInbox(EventInbox inbox, MeterRegistry registry) {
    super(inbox, registry, "inbox");
    this.inbox = inbox;
    this.registry = registry;
  }

  @Override
  public boolean store(InboundRecord record) {
    boolean stored = inbox.store(record);
    (stored ? GatewayCounter.INBOUND_STORED : GatewayCounter.INBOUND_DUPLICATES)
        .in(registry, "kind", record.kind().name().toLowerCase(Locale.ROOT))
        .increment();
    return stored;
  }

  @Override
  public List<InboxNeighbour> neighboursSince(Claimed<InboundRecord> claimed, Instant since) {
    return inbox.neighboursSince(claimed, since);
  }

  @Override
  public void completeSoon(Claimed<InboundRecord> claimed) {
    inbox.completeSoon(claimed);
    count(GatewayCounter.COMPLETED);
  }

  @Override
  public void completeGathered(Claimed<InboundRecord> claimed, List<Long> gathered) {
    inbox.completeGathered(claimed, gathered);
  }
}
