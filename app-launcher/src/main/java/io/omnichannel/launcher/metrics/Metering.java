package io.omnichannel.launcher.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.omnichannel.core.port.out.DroppedMessageLog;
import io.omnichannel.core.port.out.EventInbox;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.core.port.out.Outbox;
import io.omnichannel.core.port.out.SupportPlatform;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * Wraps the core's ports with counters and timers, so the core stays free of a metrics library.
 * Labels are kinds, directions and reasons — never a token, a chat or a person.
 */
public final class Metering {
  private final MeterRegistry registry;
  private final List<IgnoredKinds<?>> ignoredKinds = new CopyOnWriteArrayList<>();

  public Metering(MeterRegistry registry) {
    this.registry = registry;
  }

  public EventInbox inbox(EventInbox inbox) {
    return new MeteredInbox(inbox, registry);
  }

  public Outbox outbox(Outbox outbox) {
    return new MeteredOutbox(outbox, registry);
  }

  public SupportPlatform platform(SupportPlatform platform) {
    return new MeteredPlatform(platform, this);
  }

  public MessengerChannel messenger(MessengerChannel messenger) {
    return new MeteredMessenger(messenger, this);
  }

  public DroppedMessageLog droppedMessages(DroppedMessageLog log) {
    return new MeteredDroppedLog(log, registry);
  }

  /**
   * Times one relay call in a direction ("to_line", "to_channel") and counts it as relayed when it
   * returns.
   */
  public <T> T relay(String direction, Supplier<T> call) {
    Timer.Sample sample = Timer.start(registry);
    T result = call.get();
    sample.stop(registry.timer("omnichannel.relay.latency", "direction", direction));
    registry.counter("omnichannel.relayed", "direction", direction).increment();
    return result;
  }

  /**
   * Updates or line events of kinds the gateway does not use, as the adapter of {@code source}
   * counts them; read at each scrape. Micrometer holds {@code adapter} weakly: pass one that lives
   * as long as the gateway.
   */
  public <T> void ignored(String source, T adapter, ToLongFunction<T> count) {
    FunctionCounter.builder("omnichannel.ignored", adapter, a -> count.applyAsLong(a))
        .tag("source", source)
        .register(registry);
  }

  /**
   * The same ignored events by kind, as the adapter of {@code source} counts them per kind: {@code
   * omnichannel.ignored.kind{source, kind}}, the first {@value IgnoredKinds#MAX_KINDS} kinds by
   * name and the rest as {@code other}. A kind seen for the first time gets its series at the next
   * {@link #refresh()}.
   */
  public <T> void ignoredByKind(String source, T adapter, Function<T, Map<String, Long>> counts) {
    IgnoredKinds<T> kinds = new IgnoredKinds<>(registry, source, adapter, counts);
    ignoredKinds.add(kinds);
    kinds.refresh();
  }

  /**
   * Registers the series of kinds that appeared since the last call; the metrics endpoint calls it
   * before each scrape.
   */
  public void refresh() {
    ignoredKinds.forEach(IgnoredKinds::refresh);
  }

  /** Bots this instance long-polls now (B3: each bot's polling is leased to one instance). */
  public <T> void pollingBots(T adapter, ToIntFunction<T> count) {
    Gauge.builder("omnichannel.polling.bots", adapter, a -> count.applyAsInt(a)).register(registry);
  }

  void countNotice() {
    registry.counter("omnichannel.notices").increment();
  }

  public void relay(String direction, Runnable call) {
    relay(
        direction,
        () -> {
          call.run();
          return null;
        });
  }
}
