package io.omnichannel.launcher.hostile;

/** The hostile-input suite with the gateway on MariaDB (strict mode, its own column checks). */
class HostileInputOnMariaDbTest extends HostileInputTest {
  @Override
  GatewayUnderAttack startWorld() throws Exception {
    return GatewayUnderAttack.onMariaDb();
  }
}
