package io.omnichannel.e2e;

/** The same on a MariaDB server: no table holds the token in clear, the data folder is closed. */
class SecretsAtRestOnMariaDbEndToEndTest extends SecretsAtRestEndToEndTest {
  @Override
  boolean onMariaDb() {
    return true;
  }
}
