package io.omnichannel.e2e;

/**
 * The same scenario as {@link ReconnectEndToEndTest}, on a MariaDB server instead of the embedded
 * H2.
 */
class ReconnectOnMariaDbEndToEndTest extends ReconnectEndToEndTest {
  @Override
  boolean onMariaDb() {
    return true;
  }
}
