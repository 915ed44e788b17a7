package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.SendingWindow;
import io.omnichannel.core.domain.SlotClaim;
import java.time.Instant;
import java.util.List;

/**
 * A messenger's sending limits, shared by every instance that shares the storage: one budget per
 * bot however many instances send for it. Nobody waits here: a claim either takes its slots or says
 * when they open, and the caller schedules the send for then.
 */
public interface SendingBudget {
  /**
   * Takes {@code count} slots in every window at once, or takes nothing and tells when they open. A
   * slot taken is held until the send is settled, or at most until {@code heldUntil} should the
   * sender die first.
   */
  SlotClaim claim(List<SendingWindow> windows, int count, Instant now, Instant heldUntil);

  /** The send ended at {@code ended}: each of its slots frees a window's span later. */
  void settle(SlotClaim.Granted granted, Instant ended);

  /** The messenger said wait (429): no slot of these windows frees before {@code until}. */
  void pauseUntil(List<SendingWindow> windows, Instant until);
}
