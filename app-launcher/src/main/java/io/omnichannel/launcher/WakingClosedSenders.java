package io.omnichannel.launcher;

import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.port.out.ClosedSenders;
import io.omnichannel.launcher.work.DueWakeups;
import java.time.Instant;
import java.util.List;

/**
 * The senders this instance passes over, waking one send worker when the first of their slots
 * opens: a claim may take one of their rows then. Without it a slot learnt of was found only by a
 * claim that came up empty and asked when next to look — and when that ask was spared (others had
 * just asked, before the slot was learnt), the sender's last row could wait for the workers' idle
 * look, a second. Waking at every slot as well cost more CPU than it saved (more claims that find
 * nothing) and did no better in the pacing benchmark.
 */
public final class WakingClosedSenders implements ClosedSenders {
  private final ClosedSenders closed;
  private final DueWakeups wakeups;

  public WakingClosedSenders(ClosedSenders closed, DueWakeups wakeups) {
    this.closed = closed;
    this.wakeups = wakeups;
  }

  @Override
  public void closedUntil(ConnectionId connection, List<Instant> openings) {
    closed.closedUntil(connection, openings);
    openings.stream().findFirst().ifPresent(wakeups::wakeOnceAt);
  }
}
