package io.omnichannel.core.fakes;

import io.omnichannel.core.port.out.Transactions;
import java.util.function.Supplier;

/** Runs the work as it is: the in-memory fakes have nothing to roll back. Counts units for assertions. */
public final class DirectTransactions implements Transactions {
  private int units;

  @Override
  public synchronized <T> T inTransaction(Supplier<T> work) {
    units++;
    return work.get();
  }

  public synchronized int units() {
    return units;
  }
}
