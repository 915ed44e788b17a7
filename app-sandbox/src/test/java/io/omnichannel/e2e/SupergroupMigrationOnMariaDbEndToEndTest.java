package io.omnichannel.e2e;

/**
 * The same scenarios as {@link SupergroupMigrationEndToEndTest}, on a MariaDB server instead of the
 * embedded H2.
 */
class SupergroupMigrationOnMariaDbEndToEndTest extends SupergroupMigrationEndToEndTest {
  @Override
  boolean onMariaDb() {
    return true;
  }
}
