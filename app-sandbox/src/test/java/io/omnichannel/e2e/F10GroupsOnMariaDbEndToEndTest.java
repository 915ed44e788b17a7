package io.omnichannel.e2e;

/**
 * The same scenarios as {@link F10GroupsEndToEndTest}, on a MariaDB server instead of the embedded
 * H2.
 */
class F10GroupsOnMariaDbEndToEndTest extends F10GroupsEndToEndTest {
  @Override
  boolean onMariaDb() {
    return true;
  }
}
