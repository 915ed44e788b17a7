package io.omnichannel.launcher.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.omnichannel.core.port.out.DroppedMessageLog;
import io.omnichannel.core.port.out.EventInbox;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.core.port.out.Outbox;
import io.omnichannel.core.port.out.SupportPlatform;
import java.util.function.Supplier;

/**
 * Wraps the core's ports with counters and timers, so the core stays free of a metrics library.
 * Labels are kinds, directions and reasons — never a token, a chat or a person.
 */
public final class Metering {
  private final MeterRegistry registry;

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
