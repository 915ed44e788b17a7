package io.omnichannel.launcher.messengers;

import io.omnichannel.core.port.in.InboundGateway;
import io.omnichannel.core.port.out.PollingLeases;
import io.omnichannel.core.port.out.SendingBudget;
import java.time.Clock;
import java.util.Objects;

/**
 * What a messenger's adapter is given: where it stores what it receives, the polling leases and the
 * sending budget shared by the instances, the clock.
 */
public record MessengerContext(
    InboundGateway gateway, PollingLeases leases, SendingBudget budget, Clock clock) {
  public MessengerContext {
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(leases, "leases");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(clock, "clock");
  }
}
