package io.omnichannel.launcher.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.fakes.CoreFixture;
import io.omnichannel.core.port.out.SupportPlatform;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MeteringTest {
  private final CoreFixture world = new CoreFixture();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final SupportPlatform platform = new Metering(registry).platform(world.platform);

  @Test
  void gatewayNoticesAreCountedApartFromRelayedMessages() {
    var connection = world.connectedLine("Поддержка", "Support", "support_bot");
    var user = world.platform.specialist(world.company, "stand-in user").id();

    platform.deliverFromUser(connection, user, new LinePost.Text("Привет", "telegram:1:1"));
    platform.noticeInLine(connection, user, "⚠️ Сообщение шлюза: …", "blocked:1");

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
    metering.ignored("telegram", ignored, AtomicLong::get);
    metering.pollingBots(polling, AtomicInteger::get);

    ignored.set(3);
    polling.set(2);

    assertThat(
            registry.get("omnichannel.ignored").tag("source", "telegram").functionCounter().count())
        .isEqualTo(3.0);
    assertThat(registry.get("omnichannel.polling.bots").gauge().value()).isEqualTo(2.0);
  }
}
