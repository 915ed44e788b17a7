package io.omnichannel.launcher.logging;

import io.omnichannel.core.domain.LogSafe;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.WorkQueue;
import io.omnichannel.launcher.work.ForwardingQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.MDC;

/**
 * Puts the claimed row's ids into the MDC of the worker thread that claimed it, so every line
 * logged while the row is worked on (by the core's adapters too) names its queue, row, connection
 * and source event; the worker pool clears the MDC after each row.
 */
class CorrelatedQueue<T> extends ForwardingQueue<T> {
  private final String name;
  private final Function<T, Map<String, String>> ids;

  CorrelatedQueue(WorkQueue<T> queue, String name, Function<T, Map<String, String>> ids) {
    super(queue);
    this.name = name;
    this.ids = ids;
  }

  @Override
  public Optional<Claimed<T>> claimNext(Instant now, Duration lease) {
    return correlated(super.claimNext(now, lease), name, ids);
  }

  /** Puts the claimed row's ids, if a row was claimed, into the worker thread's MDC. */
  static <T> Optional<Claimed<T>> correlated(
      Optional<Claimed<T>> claimed, String name, Function<T, Map<String, String>> ids) {
    claimed.ifPresent(
        row -> {
          MDC.put(Correlation.QUEUE, name);
          MDC.put(Correlation.QUEUE_ROW, Long.toString(row.id()));
          // event ids come from outside: escaped to one short line, like every logged value
          ids.apply(row.item()).forEach((key, id) -> MDC.put(key, LogSafe.of(id)));
        });
    return claimed;
  }
}
