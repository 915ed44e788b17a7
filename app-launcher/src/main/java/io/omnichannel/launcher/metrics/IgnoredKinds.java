package io.omnichannel.launcher.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Ignored events of one source counted by kind ({@code omnichannel.ignored.kind{source, kind}}).
 * Kinds come from the outside (a code or a name an event carries), so only the first {@link
 * #MAX_KINDS} get a series of their own; every later one is summed into {@code kind=other}, which
 * keeps growing monotonically because the set of named kinds never changes once full.
 */
final class IgnoredKinds<T> {
  static final int MAX_KINDS = 50;
  static final String OTHER = "other";

  private final MeterRegistry registry;
  private final String source;
  private final T adapter;
  private final Function<T, Map<String, Long>> counts;
  private final Set<String> named = new LinkedHashSet<>();
  private boolean otherRegistered;

  IgnoredKinds(
      MeterRegistry registry, String source, T adapter, Function<T, Map<String, Long>> counts) {
    this.registry = registry;
    this.source = source;
    this.adapter = adapter;
    this.counts = counts;
  }

  /** Gives each kind seen since the last refresh its series, up to the cap; the rest are other. */
  synchronized void refresh() {
    for (String kind : counts.apply(adapter).keySet()) {
      if (named.contains(kind)) {
        continue;
      }
      if (named.size() < MAX_KINDS && !OTHER.equals(kind)) {
        named.add(kind);
        register(kind, a -> counts.apply(a).getOrDefault(kind, 0L));
      } else if (!otherRegistered) {
        otherRegistered = true;
        register(OTHER, this::others);
      }
    }
  }

  private long others(T from) {
    Set<String> namedNow;
    synchronized (this) {
      namedNow = Set.copyOf(named);
    }
    return counts.apply(from).entrySet().stream()
        .filter(entry -> !namedNow.contains(entry.getKey()))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private void register(String kind, ToLongFunction<T> count) {
    FunctionCounter.builder("omnichannel.ignored.kind", adapter, a -> count.applyAsLong(a))
        .description(
            "Ignored updates or line events by kind (the first "
                + MAX_KINDS
                + " kinds by name, the rest as other)")
        .tag("source", source)
        .tag("kind", kind)
        .register(registry);
  }
}
