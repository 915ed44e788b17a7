package io.omnichannel.conformance;

import java.util.Set;

/** A messenger other than Telegram passes the kit, written against the core's ports alone. */
class PigeonChannelConformanceTest extends MessengerChannelConformance {
  @Override
  protected ChannelDriver createDriver() {
    return new PigeonDriver(Set.of());
  }
}
