package io.omnichannel.launcher.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.Outbox;
import java.time.Instant;

final class MeteredOutbox extends MeteredQueue<OutboxMessage> implements Outbox {
  private final Outbox outbox;

  MeteredOutbox(Outbox outbox, MeterRegistry registry) {
    super(outbox, registry, "outbox");
    this.outbox = outbox;
  }

  @Override
  public void enqueue(OutboxMessage message) {
    outbox.enqueue(message);
    count(GatewayCounter.ENQUEUED);
  }

  @Override
  public void holdFollowing(Claimed<OutboxMessage> sent, Instant notBefore) {
    outbox.holdFollowing(sent, notBefore);
  }
}
