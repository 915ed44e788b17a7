package io.omnichannel.oneconnect;

import io.omnichannel.testkit.oneconnect.OneConnectEmulator;
import io.omnichannel.testkit.oneconnect.OneConnectEmulatorConfig;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One emulator per test class (starting Jetty costs more than a test); each test gets its own world
 * in it.
 */
abstract class SharedEmulator {
  static OneConnectEmulator emulator;
  TestWorld world;

  @BeforeAll
  static void startEmulator() {
    emulator =
        OneConnectEmulator.start(
            OneConnectEmulatorConfig.builder()
                .hookInitialBackoff(Duration.ofMillis(20))
                .hookMaxBackoff(Duration.ofMillis(100))
                .hookMaxAttempts(3)
                .build());
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @BeforeEach
  void newWorld() {
    world = new TestWorld(emulator);
  }
}
