package io.omnichannel.core.fakes;

import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.EventInbox;
import io.omnichannel.core.port.out.InboxNeighbour;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
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

  /** Nothing here shares commits: completed at once. */
  @Override
  public void completeSoon(Claimed<InboundRecord> claimed) {
    complete(claimed);
  }

  @Override
  public synchronized List<InboxNeighbour> neighboursSince(
      Claimed<InboundRecord> claimed, Instant since) {
    checkStorage();
    String key = claimed.item().orderingKey();
    return rows().stream()
        .filter(row -> row.id != claimed.id() && row.key.equals(key))
        .filter(row -> !row.item.receivedAt().isBefore(since))
        .map(row -> new InboxNeighbour(row.id, row.item, !row.done && row.deadReason == null))
        .toList();
  }

  @Override
  public synchronized void completeGathered(Claimed<InboundRecord> claimed, List<Long> gathered) {
    checkStorage();
    rows().stream()
        .filter(row -> gathered.contains(row.id) && row.key.equals(claimed.item().orderingKey()))
        .forEach(row -> row.done = true);
  }
}
