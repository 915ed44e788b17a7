package io.omnichannel.e2e;

/**
 * The same scenarios as {@link MaxRelayEndToEndTest}, on a MariaDB server instead of the embedded
 * H2.
 */
class MaxRelayOnMariaDbEndToEndTest extends MaxRelayEndToEndTest {
  @Override
  boolean onMariaDb() {
    return true;
  }
}
