package io.omnichannel.testkit.max;

import com.google.common.base.Ticker;
import io.omnichannel.testkit.support.SlidingWindow;

/**
 * One bot's request limits: all calls, long polls, and (optionally) sends per chat. A request
 * refused with 429 consumes nothing.
 */
final class RateGate {
  private final MaxRateLimits limits;
  private final Ticker ticker;
  private final SlidingWindow requests;
  private final SlidingWindow polls;
  private long rejected;

  RateGate(MaxRateLimits limits, Ticker ticker) {
    this.limits = limits;
    this.ticker = ticker;
    long window = limits.scaledNanos(limits.botWindow());
    this.requests = new SlidingWindow(limits.botRequests(), window);
    this.polls = new SlidingWindow(limits.pollRequests(), window);
  }

  /** Admits one API call (a long poll when {@code poll}), or throws 429. */
  synchronized void admit(boolean poll) {
    if (!limits.enabled()) {
      return;
    }
    long now = ticker.read();
    if (requests.waitNanos(now) > 0 || (poll && polls.waitNanos(now) > 0)) {
      rejected++;
      throw MaxError.tooManyRequests();
    }
    requests.record(now);
    if (poll) {
      polls.record(now);
    }
  }

  /** Admits one send into the chat when a per-chat limit is configured, or throws 429. */
  synchronized void admitSend(Chat chat) {
    if (!limits.enabled() || limits.chatMessages() == 0) {
      return;
    }
    if (chat.sendWindow == null) {
      chat.sendWindow =
          new SlidingWindow(limits.chatMessages(), limits.scaledNanos(limits.chatWindow()));
    }
    long now = ticker.read();
    if (chat.sendWindow.waitNanos(now) > 0) {
      rejected++;
      throw MaxError.tooManyRequests();
    }
    chat.sendWindow.record(now);
  }

  synchronized long rejectedCount() {
    return rejected;
  }
}
