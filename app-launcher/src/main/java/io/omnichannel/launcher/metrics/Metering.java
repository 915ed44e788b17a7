package io.omnichannel.launcher.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.omnichannel.core.domain.DroppedMessage.DropReason;
import io.omnichannel.core.domain.InboundKind;
import io.omnichannel.core.port.out.DroppedMessageLog;
import io.omnichannel.core.port.out.EventInbox;
import io.omnichannel.core.port.out.LineRelay;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.core.port.out.Outbox;
import io.omnichannel.core.port.out.QueueBacklog;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * Wraps the core's ports with counters and timers, so the core stays free of a metrics library.
 * Labels are kinds, directions and reasons — never a token, a chat or a person.
 */
public final class Metering {
  private static final List<String> DIRECTIONS = List.of("to_line", "to_channel");
  private static final List<String> QUEUES = List.of("inbox", "outbox");
  private static final List<GatewayCounter> QUEUE_COUNTERS =
      List.of(
          GatewayCounter.COMPLETED,
          GatewayCounter.RETRIED,
          GatewayCounter.RATE_LIMITED,
          GatewayCounter.DEAD,
          GatewayCounter.CLAIM_LOST);

  private final MeterRegistry registry;
  private final List<IgnoredKinds<?>> ignoredKinds = new CopyOnWriteArrayList<>();
  private final List<QueueGauges> backlogs = new CopyOnWriteArrayList<>();

  /** Registers every counter at 0, so each series exists before its first event. */
  public Metering(MeterRegistry registry) {
    this.registry = registry;
    for (String direction : DIRECTIONS) {
      GatewayCounter.RELAYED.in(registry, "direction", direction);
      latency(direction);
      for (DropReason reason : DropReason.values()) {
        GatewayCounter.DROPPED.in(
            registry, "direction", direction, "reason", reason.name().toLowerCase(Locale.ROOT));
      }
    }
    GatewayCounter.NOTICES.in(registry);
    for (InboundKind kind : InboundKind.values()) {
      String name = kind.name().toLowerCase(Locale.ROOT);
      GatewayCounter.INBOUND_STORED.in(registry, "kind", name);
      GatewayCounter.INBOUND_DUPLICATES.in(registry, "kind", name);
    }
    for (String queue : QUEUES) {
      for (GatewayCounter counter : QUEUE_COUNTERS) {
        counter.in(registry, "queue", queue);
      }
    }
    GatewayCounter.ENQUEUED.in(registry, "queue", "outbox");
  }

  private Timer latency(String direction) {
    return Timer.builder("omnichannel.relay.latency")
        .description(
            "Time to relay one message, by direction (pacing waits for the messenger's limits"
                + " included)")
        .tag("direction", direction)
        .serviceLevelObjectives(LatencyBuckets.all())
        .register(registry);
  }

  public EventInbox inbox(EventInbox inbox) {
    return new MeteredInbox(inbox, registry);
  }

  public Outbox outbox(Outbox outbox) {
    return new MeteredOutbox(outbox, registry);
  }

  public LineRelay lineRelay(LineRelay platform) {
    return new MeteredLineRelay(platform, this);
  }

  public MessengerChannel messenger(MessengerChannel messenger) {
    return new MeteredMessenger(messenger, this);
  }

  public DroppedMessageLog droppedMessages(DroppedMessageLog log) {
    return new MeteredDroppedLog(log, registry);
  }

  /**
   * Times one relay call in a direction ("to_line", "to_channel") and counts it as relayed when it
   * returns an outcome that says so (a refusal for the recipient's sake is timed, not counted).
   */
  public <T> T relay(String direction, Supplier<T> call, Predicate<T> relayed) {
    Timer.Sample sample = Timer.start(registry);
    T result = call.get();
    sample.stop(latency(direction));
    if (relayed.test(result)) {
      GatewayCounter.RELAYED.in(registry, "direction", direction).increment();
    }
    return result;
  }

  /**
   * Updates or line events of kinds the gateway does not use, as the adapter of {@code source}
   * counts them; read at each scrape. Micrometer holds {@code adapter} weakly: pass one that lives
   * as long as the gateway.
   */
  public <T> void ignored(String source, T adapter, ToLongFunction<T> count) {
    FunctionCounter.builder("omnichannel.ignored", adapter, a -> count.applyAsLong(a))
        .description("Updates or line events of kinds the gateway does not use, by source")
        .tag("source", source)
        .register(registry);
  }

  /**
   * 1C-Connect line events answered without being stored because they only echo the user's own
   * message back ({@code author_id == user_id}); registered at 0, read at each scrape.
   */
  public <T> void unstoredEchoes(T adapter, ToLongFunction<T> count) {
    FunctionCounter.builder("omnichannel.oneconnect.echoes", adapter, a -> count.applyAsLong(a))
        .description(
            "1C-Connect line events acknowledged unstored: the echo of a user's own text or file,"
                + " never relayed back")
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
    backlogs.forEach(QueueGauges::read);
  }

  /**
   * Gauges of how far {@code queue} is behind: unfinished rows and the age of the oldest, read once
   * per scrape at {@link #refresh()} (a failed read leaves the last values).
   */
  public void queueBacklog(String queue, QueueBacklog backlog, Clock clock) {
    QueueGauges gauges = new QueueGauges(backlog, clock);
    Gauge.builder("omnichannel.queue.pending", gauges, QueueGauges::pending)
        .description("Queue rows not finished yet (waiting, in work or waiting for a retry)")
        .tag("queue", queue)
        .register(registry);
    Gauge.builder("omnichannel.queue.oldest.pending.age", gauges, QueueGauges::oldestAgeSeconds)
        .description("Age of the oldest unfinished queue row; 0 when the queue is empty")
        .tag("queue", queue)
        .baseUnit("seconds")
        .register(registry);
    backlogs.add(gauges); // first read at the first scrape: the database may still be opening
  }

  /**
   * Bots of one messenger ({@code channel}, e.g. "telegram") this instance long-polls now (B3: each
   * bot's polling is leased to one instance).
   */
  public <T> void pollingBots(String channel, T adapter, ToIntFunction<T> count) {
    Gauge.builder("omnichannel.polling.bots", adapter, a -> count.applyAsInt(a))
        .description("Bots this instance long-polls now (each bot's polling is leased to one)")
        .tag("channel", channel)
        .register(registry);
  }

  void countNotice() {
    GatewayCounter.NOTICES.in(registry).increment();
  }
}
