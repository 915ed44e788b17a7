package io.omnichannel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.testkit.telegram.BotInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the adapter logs while things go wrong never carries a bot token (slf4j-simple writes to
 * System.err).
 */
class LogRedactionTest {
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream original;

  @BeforeEach
  void capture() {
    original = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(original);
  }

  @Test
  void pollingFailuresAreLoggedWithTheBotIdButWithoutTheToken() {
    try (World world = new World()) {
      MessengerChannel channel =
          world.telegram(world.config(TelegramConfig.ReceiveMode.POLLING)).messengerChannel();
      BotInfo bot = world.newBot();
      Connection connection = world.connect(bot);
      channel.startReceiving(connection.id(), connection.botAccess(), Secret.of("unused"));
      world.emulator.awaitPolling(bot.token(), Duration.ofSeconds(5));

      world.emulator.revokeToken(bot.token());
      World.await(
          "a logged polling failure",
          Duration.ofSeconds(5),
          () -> captured.toString(StandardCharsets.UTF_8).contains("polling failed"));
      channel.stopReceiving(connection.id(), connection.botAccess());

      String log = captured.toString(StandardCharsets.UTF_8);
      assertThat(log).contains("bot " + bot.id()).contains("Unauthorized");
      assertThat(log).doesNotContain(bot.token().substring(bot.token().indexOf(':') + 1));
    }
  }
}
