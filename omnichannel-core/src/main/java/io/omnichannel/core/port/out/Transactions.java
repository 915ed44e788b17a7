package io.omnichannel.core.port.out;

import java.util.function.Supplier;

/** Runs repository and queue writes as one unit: all of them happen, or none. */
public interface Transactions {
  <T> T inTransaction(Supplier<T> work);

  default void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
