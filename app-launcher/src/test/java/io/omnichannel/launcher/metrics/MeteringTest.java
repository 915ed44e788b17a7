package io.omnichannel.launcher.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.fakes.CoreFixture;
import io.omnichannel.core.port.out.SupportPlatform;
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
}
