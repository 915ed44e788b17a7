package io.omnichannel.core.fakes;

import io.omnichannel.core.port.out.Transactions;
import java.util.function.Supplier;

/**
 * Runs the work as it is: the in-memory fakes have nothing to roll back. Counts units for
 * assertions.
 */
public final class DirectTransactions implements Transactions {
  private int units;
  private int depth;

  @Override
  public synchronized <T> T inTransaction(Supplier<T> work) {
    units++;
    depth++;
    try {
      return work.get();
    } finally {
      depth--;
    }
  }

  /** Whether the caller runs inside a unit now, for asserting that writes share one. */
  public synchronized boolean inUnit() {
    return depth > 0;
  }

  public synchronized int units() {
    return units;
  }
}
