package io.omnichannel.e2e;

/**
 * The same scenarios as {@link F04DisconnectEndToEndTest}, on a MariaDB server instead of the
 * embedded H2.
 */
class F04DisconnectOnMariaDbEndToEndTest extends F04DisconnectEndToEndTest {
  @Override
  boolean onMariaDb() {
    return true;
  }
}
