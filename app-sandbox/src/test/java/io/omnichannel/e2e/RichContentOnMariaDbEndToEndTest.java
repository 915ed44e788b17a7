package io.omnichannel.e2e;

/**
 * The same scenarios as {@link RichContentEndToEndTest}, on a MariaDB server instead of the
 * embedded H2.
 */
class RichContentOnMariaDbEndToEndTest extends RichContentEndToEndTest {
  @Override
  boolean onMariaDb() {
    return true;
  }
}
