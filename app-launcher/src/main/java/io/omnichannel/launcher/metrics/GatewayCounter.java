package io.omnichannel.launcher.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The gateway's counters with their help texts, in one place: every series carries a {@code # HELP}
 * line, and {@link Metering} registers each at 0 before its first event, so a rate over a fresh
 * instance is 0 rather than missing.
 */
enum GatewayCounter {
  RELAYED(
      "omnichannel.relayed",
      "Messages relayed, by direction: to_line (from a messenger user into a 1C-Connect line) or"
          + " to_channel (from a specialist to the messenger)"),
  NOTICES("omnichannel.notices", "Gateway notices written into lines (not relayed messages)"),
  DROPPED(
      "omnichannel.dropped",
      "Messages deliberately not delivered, by direction and reason (ban, blocked bot, disconnected,"
          + " tariff option off, too large, unknown recipient)"),
  INBOUND_STORED(
      "omnichannel.inbound.stored", "Events stored in the inbox before they were acknowledged"),
  INBOUND_DUPLICATES(
      "omnichannel.inbound.duplicates",
      "Redelivered events recognised by their id and not stored again"),
  ENQUEUED("omnichannel.queue.enqueued", "Rows put into the queue"),
  COMPLETED("omnichannel.queue.completed", "Queue rows finished successfully"),
  RETRIED("omnichannel.queue.retried", "Queue rows given back to be tried again after a failure"),
  RATE_LIMITED(
      "omnichannel.queue.rate.limited",
      "Queue rows postponed because the messenger asked to wait (a rate limit; not an attempt)"),
  DEAD(
      "omnichannel.queue.dead",
      "Queue rows parked as dead letters after their last attempt or a permanent failure"),
  CLAIM_LOST(
      "omnichannel.queue.claim.lost",
      "Writes to a queue row by a worker whose lease had run out and whose row another had taken"
          + " (ignored)");

  private final String meterName;
  private final String help;

  GatewayCounter(String meterName, String help) {
    this.meterName = meterName;
    this.help = help;
  }

  String meterName() {
    return meterName;
  }

  Counter in(MeterRegistry registry, String... tags) {
    return Counter.builder(meterName).description(help).tags(tags).register(registry);
  }
}
