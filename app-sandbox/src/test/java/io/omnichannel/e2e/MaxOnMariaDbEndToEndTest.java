package io.omnichannel.e2e;

/**
 * The same scenarios as {@link MaxEndToEndTest}, on a MariaDB server instead of the embedded H2.
 */
class MaxOnMariaDbEndToEndTest extends MaxEndToEndTest {
  @Override
  boolean onMariaDb() {
    return true;
  }
}
