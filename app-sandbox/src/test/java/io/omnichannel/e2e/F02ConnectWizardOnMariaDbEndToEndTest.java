package io.omnichannel.e2e;

/**
 * The same scenarios as {@link F02ConnectWizardEndToEndTest}, on a MariaDB server instead of the
 * embedded H2.
 */
class F02ConnectWizardOnMariaDbEndToEndTest extends F02ConnectWizardEndToEndTest {
  @Override
  boolean onMariaDb() {
    return true;
  }
}
