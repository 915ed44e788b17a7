package io.omnichannel.core.fakes;

import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.port.out.EventInbox;
import java.util.HashSet;
import java.util.Set;

/** The inbox in memory: one row per event id, as the database's unique key keeps it. */
public final class InMemoryInbox extends InMemoryQueue<InboundRecord> implements EventInbox {
  private final Set<String> seen = new HashSet<>();

  public InMemoryInbox() {
    super(InboundRecord::orderingKey);
  }

  @Override
  public synchronized boolean store(InboundRecord record) {
    if (!seen.add(record.eventId())) {
      return false;
    }
    add(record);
    return true;
  }
}
