package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.InboundRecord;

/** Inbound events as they arrived, unique per source event (B1). */
public interface EventInbox extends WorkQueue<InboundRecord> {
  /** Stores the event; false when the same source event was stored before (a redelivery). */
  boolean store(InboundRecord record);
}
