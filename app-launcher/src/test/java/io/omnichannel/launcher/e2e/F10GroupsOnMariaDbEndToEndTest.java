package io.omnichannel.launcher.e2e;

import io.omnichannel.persistence.PersistenceConfig;

/** The same scenarios as {@link F10GroupsEndToEndTest}, on a MariaDB server instead of the embedded H2. */
class F10GroupsOnMariaDbEndToEndTest extends F10GroupsEndToEndTest {
  private final MariaDb mariaDb = new MariaDb();
  private PersistenceConfig config;

  @Override
  void beforeGateway() {
    config = mariaDb.create(data);
  }

  @Override
  PersistenceConfig persistence() {
    return config;
  }

  @Override
  void afterGateway() {
    mariaDb.drop();
  }
}
