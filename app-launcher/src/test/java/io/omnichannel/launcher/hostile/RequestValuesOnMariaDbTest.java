package io.omnichannel.launcher.hostile;

/** Unstorable ids and forged log lines with the gateway on MariaDB. */
class RequestValuesOnMariaDbTest extends RequestValuesTest {
  @Override
  GatewayUnderAttack startWorld() throws Exception {
    return GatewayUnderAttack.onMariaDb();
  }
}
