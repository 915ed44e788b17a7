package io.omnichannel.launcher.e2e;

import io.omnichannel.persistence.PersistenceConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link KilledMidRunEndToEndTest} with the gateway (the killed child and the restarted one) on MariaDB, whose
 * commits survive a kill: here the 1,000-message run and the sends are checked.
 */
class KilledMidRunOnMariaDbEndToEndTest extends KilledMidRunEndToEndTest {
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
  List<String> childDatabaseArgs() {
    return List.of("jdbcUrl=" + config.jdbcUrl(), "jdbcUser=" + config.user(), "jdbcPassword=" + config.password());
  }

  @Override
  void afterGateway() {
    super.afterGateway();
    mariaDb.drop();
  }

  @Test
  @Override
  void killedInTheMiddleOfAThousandMessagesAndRestartedNothingIsLostOrDoubled() throws Exception {
    super.killedInTheMiddleOfAThousandMessagesAndRestartedNothingIsLostOrDoubled();
  }

  @Test
  @Override
  void killedWhileNewUsersRegisterNoAccountIsDoubled() throws Exception {
    super.killedWhileNewUsersRegisterNoAccountIsDoubled();
  }

  @Test
  @Override
  void killedRightAfterSendingNothingIsLostAndAtMostTheMessageInFlightRepeats() throws Exception {
    super.killedRightAfterSendingNothingIsLostAndAtMostTheMessageInFlightRepeats();
  }
}
