package io.omnichannel.e2e;

/**
 * The same scenarios as {@link ForumTopicsEndToEndTest}, on a MariaDB server instead of the
 * embedded H2.
 */
class ForumTopicsOnMariaDbEndToEndTest extends ForumTopicsEndToEndTest {
  @Override
  boolean onMariaDb() {
    return true;
  }
}
