package io.omnichannel.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.testkit.support.ManualTicker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The whole loop a gateway lives in: a user writes, the update reaches the bot's webhook, the bot
 * answers through the Bot API, answers too fast and is told exactly how long to wait.
 */
class ScriptedScenarioTest extends EmulatorTest {
  private final ManualTicker clock = new ManualTicker();

  @Override
  TelegramEmulatorConfig config() {
    return super.config().withRateLimits(RateLimits.real()).withTicker(clock);
  }

  @Test
  void aWebhookBotAnswersAUserAndHitsThePerChatLimit() {
    List<ApiResponse> answers = new CopyOnWriteArrayList<>();
    try (WebhookReceiver bot = new WebhookReceiver()) {
      bot.onUpdate(
          update -> {
            long chatId = update.at("/message/chat/id").asLong();
            String text = update.at("/message/text").asText();
            answers.add(
                api.form(token, "sendMessage", Map.of("chat_id", chatId, "text", "echo: " + text)));
          });
      api.form(token, "setWebhook", Map.of("url", bot.url(), "secret_token", "hook-secret"))
          .result();

      PrivateChatScenario alice = emulator.bot(token).user(ALICE);
      for (int i = 1; i <= 4; i++) {
        alice.sendsText("message " + i);
      }
      List<WebhookDelivery> deliveries =
          emulator.awaitWebhookDeliveries(token, 4, Duration.ofSeconds(5));

      assertThat(deliveries).allSatisfy(d -> assertThat(d.succeeded()).isTrue());
      assertThat(deliveries).extracting(WebhookDelivery::secretToken).containsOnly("hook-secret");
    }
    List<SentMessage> sent = emulator.awaitSent(token, ALICE.id(), 3, Duration.ofSeconds(5));
    assertThat(sent)
        .extracting(SentMessage::text)
        .containsExactly("echo: message 1", "echo: message 2", "echo: message 3");
    assertThat(answers).hasSize(4);
    ApiResponse limited = answers.get(3);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.description()).isEqualTo("Too Many Requests: retry after 1");
    assertThat(limited.body().at("/parameters/retry_after").asInt()).isEqualTo(1);
    assertThat(emulator.tooManyRequestsCount(token)).isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    JsonNode retried =
        api.form(token, "sendMessage", Map.of("chat_id", ALICE.id(), "text", "echo: message 4"))
            .result();
    assertThat(retried.get("text").asText()).isEqualTo("echo: message 4");
    assertThat(emulator.sentCount(token, ALICE.id())).isEqualTo(4);
  }
}
