package io.omnichannel.persistence;

import io.omnichannel.core.domain.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When this instance last wrote each account's last activity, so that the write happens at most
 * once per {@code every} and account (the column is kept to the minute; its UPDATE re-checks the
 * stored time, so another instance's writes are never undone). Bounded: past {@code capacity}
 * accounts it forgets everything, which costs one write per account again.
 */
final class RecentTouches {
  private final Duration every;
  private final int capacity;
  private final Map<AccountId, Instant> written = new ConcurrentHashMap<>();

  RecentTouches(Duration every, int capacity) {
    this.every = every;
    this.capacity = capacity;
  }

  /** Whether the activity at {@code at} must be written; if so, it counts as written from now. */
  boolean due(AccountId account, Instant at) {
    Instant last = written.get(account);
    if (last != null && last.isAfter(at.minus(every)) && !last.isAfter(at)) {
      return false;
    }
    if (written.size() >= capacity) {
      written.clear();
    }
    written.put(account, at);
    return true;
  }
}
