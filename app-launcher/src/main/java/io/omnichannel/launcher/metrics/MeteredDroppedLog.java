package io.omnichannel.launcher.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.DroppedMessage;
import io.omnichannel.core.port.out.DroppedMessageLog;
import java.util.List;
import java.util.Locale;

/** Counts deliberately dropped messages by direction and reason (bans, blocked bots, …). */
final class MeteredDroppedLog implements DroppedMessageLog {
  private final DroppedMessageLog log;
  private final MeterRegistry registry;

  MeteredDroppedLog(DroppedMessageLog log, MeterRegistry registry) {
    this.log = log;
    this.registry = registry;
  }

  @Override
  public void record(DroppedMessage message) {
    log.record(message);
    GatewayCounter.DROPPED
        .in(
            registry,
            "direction",
            message.direction().name().toLowerCase(Locale.ROOT),
            "reason",
            message.reason().name().toLowerCase(Locale.ROOT))
        .increment();
  }

  @Override
  public List<DroppedMessage> of(ConnectionId connection) {
    return log.of(connection);
  }
}
