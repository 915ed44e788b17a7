package io.omnichannel.launcher.e2e;

import io.omnichannel.persistence.PersistenceConfig;

/** The same scenarios as {@link F02ConnectWizardEndToEndTest}, on a MariaDB server instead of the embedded H2. */
class F02ConnectWizardOnMariaDbEndToEndTest extends F02ConnectWizardEndToEndTest {
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
