package io.omnichannel.testkit.max;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh emulator (limits off, fast retries, uploads ready at once) with one bot and a client. */
abstract class MaxEmulatorTest {
  static final MaxUser ALICE = MaxUser.of(5_000_001L, "Alice", "Smith", "alice");
  static final MaxUser BOB = MaxUser.of(5_000_002L, "Bob");

  MaxEmulator emulator;
  MaxApiClient api;
  String token;
  MaxBotInfo botInfo;

  MaxEmulatorConfig config() {
    return MaxEmulatorConfig.forTests();
  }

  @BeforeEach
  void startEmulator() {
    emulator = MaxEmulator.start(config());
    botInfo = emulator.createBot("Support", "support_test_bot");
    token = botInfo.token();
    api = new MaxApiClient(emulator.baseUrl(), token);
  }

  @AfterEach
  void stopEmulator() {
    emulator.close();
  }
}
