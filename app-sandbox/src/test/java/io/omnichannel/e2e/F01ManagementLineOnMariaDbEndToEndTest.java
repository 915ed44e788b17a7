package io.omnichannel.e2e;

/**
 * The same scenarios as {@link F01ManagementLineEndToEndTest}, on a MariaDB server instead of the
 * embedded H2.
 */
class F01ManagementLineOnMariaDbEndToEndTest extends F01ManagementLineEndToEndTest {
  @Override
  boolean onMariaDb() {
    return true;
  }
}
