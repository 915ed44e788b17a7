package io.omnichannel.e2e;

/**
 * The same scenarios as {@link F12LimitsEndToEndTest}, on a MariaDB server instead of the embedded
 * H2.
 */
class F12LimitsOnMariaDbEndToEndTest extends F12LimitsEndToEndTest {
  @Override
  boolean onMariaDb() {
    return true;
  }
}
