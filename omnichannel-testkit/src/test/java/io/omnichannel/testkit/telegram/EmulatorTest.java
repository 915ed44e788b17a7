package io.omnichannel.testkit.telegram;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh emulator (rate limits off unless a test says otherwise) with one bot and a client. */
abstract class EmulatorTest {
  static final UserSpec ALICE = UserSpec.of(111_000_001L, "Alice", "Smith", "alice");
  static final UserSpec BOB = UserSpec.of(111_000_002L, "Bob");

  TelegramEmulator emulator;
  BotApiClient api;
  String token;

  TelegramEmulatorConfig config() {
    return TelegramEmulatorConfig.defaults()
        .withRateLimits(RateLimits.off())
        .withWebhookRetry(WebhookRetryPolicy.fast());
  }

  @BeforeEach
  void startEmulator() {
    emulator = TelegramEmulator.start(config());
    api = new BotApiClient(emulator.baseUrl());
    token = emulator.createBot("Support", "support_test_bot").token();
  }

  @AfterEach
  void stopEmulator() {
    emulator.close();
  }
}
