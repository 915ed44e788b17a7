package io.omnichannel.testkit.oneconnect;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh emulator per test, the usual world in it, and a client acting as the world's API account.
 */
abstract class EmulatorTest {
  OneConnectEmulator emulator;
  World world;
  Http bot;

  /** The emulator's configuration; tests that need other limits or retries override it. */
  OneConnectEmulatorConfig config() {
    return OneConnectEmulatorConfig.defaults();
  }

  @BeforeEach
  void startEmulator() {
    emulator = OneConnectEmulator.start(config());
    world = new World(emulator);
    bot = Http.to(emulator.baseUrl()).as(World.LOGIN, World.PASSWORD);
  }

  @AfterEach
  void stopEmulator() {
    emulator.close();
  }
}
