package io.omnichannel.launcher.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.fakes.CoreFixture;
import io.omnichannel.core.port.out.LineRelay;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MeteringTest {
  private final CoreFixture world = new CoreFixture();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final LineRelay platform = new Metering(registry).lineRelay(world.platform);

  @Test
  void gatewayNoticesAreCountedApartFromRelayedMessages() {
    var connection = world.connectedLine("Поддержка", "Support", "support_bot");
    var user = world.platform.specialist(world.company, "stand-in user").id();

    platform.deliverFromUser(
        connection.lineAccess(), user, new LinePost.Text("Привет", "telegram:1:1"));
    platform.noticeInLine(connection.lineAccess(), user, "⚠️ Сообщение шлюза: …", "blocked:1");

    assertThat(registry.counter("omnichannel.relayed", "direction", "to_line").count())
        .isEqualTo(1.0);
    assertThat(registry.counter("omnichannel.notices").count()).isEqualTo(1.0);
    assertThat(world.platform.deliveries()).hasSize(2);
  }

  @Test
  void adapterCountsAreReadAtEachScrape() {
    Metering metering = new Metering(registry);
    AtomicLong ignored = new AtomicLong();
    AtomicInteger polling = new AtomicInteger();
    AtomicInteger maxPolling = new AtomicInteger();
    metering.ignored("telegram", ignored, AtomicLong::get);
    metering.pollingBots("telegram", polling, AtomicInteger::get);
    metering.pollingBots("max", maxPolling, AtomicInteger::get);

    ignored.set(3);
    polling.set(2);
    maxPolling.set(5);

    assertThat(
            registry.get("omnichannel.ignored").tag("source", "telegram").functionCounter().count())
        .isEqualTo(3.0);
    assertThat(registry.get("omnichannel.polling.bots").tag("channel", "telegram").gauge().value())
        .isEqualTo(2.0);
    assertThat(registry.get("omnichannel.polling.bots").tag("channel", "max").gauge().value())
        .as("each messenger's pollers feed their own series")
        .isEqualTo(5.0);
  }

  @Test
  void unstoredEchoesAreASeriesFromTheStartWithTheirHelpText() {
    AtomicLong echoes = new AtomicLong();
    new Metering(registry).unstoredEchoes(echoes, AtomicLong::get);

    var counter = registry.get("omnichannel.oneconnect.echoes").functionCounter();
    assertThat(counter.count()).isZero();
    assertThat(counter.getId().getDescription()).contains("unstored");
    echoes.set(4);
    assertThat(counter.count()).isEqualTo(4.0);
  }

  @Test
  void ignoredEventsAreCountedByKindOnceTheMetricsAreRefreshed() {
    Metering metering = new Metering(registry);
    Map<String, Long> perKind = new ConcurrentHashMap<>(Map.of("message_type:4242", 1L));
    metering.ignoredByKind("oneconnect", perKind, Map::copyOf);

    perKind.put("message_type:4242", 2L);
    perKind.put("event_type:weather", 1L);
    assertThat(registry.find("omnichannel.ignored.kind").tag("kind", "event_type:weather").meter())
        .as("a kind first seen after the last refresh has no series yet")
        .isNull();
    metering.refresh();

    assertThat(kind("message_type:4242")).isEqualTo(2.0);
    assertThat(kind("event_type:weather")).isEqualTo(1.0);
    assertThat(registry.find("omnichannel.ignored.kind").tag("kind", "other").meter()).isNull();
  }

  @Test
  void kindsBeyondTheCapAreSummedAsOther() {
    Metering metering = new Metering(registry);
    Map<String, Long> perKind = new ConcurrentHashMap<>();
    metering.ignoredByKind("oneconnect", perKind, Map::copyOf);

    for (int code = 0; code < IgnoredKinds.MAX_KINDS + 5; code++) {
      perKind.put("message_type:" + code, 1L);
      metering.refresh();
    }
    perKind.put("message_type:0", 4L);
    perKind.put("message_type:" + (IgnoredKinds.MAX_KINDS + 2), 3L);

    assertThat(registry.find("omnichannel.ignored.kind").functionCounters())
        .hasSize(IgnoredKinds.MAX_KINDS + 1);
    assertThat(kind("message_type:0")).isEqualTo(4.0);
    assertThat(kind("other")).as("five kinds past the cap, one of them thrice").isEqualTo(7.0);
  }

  private double kind(String kind) {
    return registry
        .get("omnichannel.ignored.kind")
        .tags("source", "oneconnect", "kind", kind)
        .functionCounter()
        .count();
  }
}
