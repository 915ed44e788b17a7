package io.omnichannel.e2e;

import io.omnichannel.persistence.PersistenceConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link KilledMidRunEndToEndTest} with the gateway (the killed child and the restarted one) on
 * MariaDB, whose commits survive a kill: here the 1,000-message run and the sends are checked.
 */
class KilledMidRunOnMariaDbEndToEndTest extends KilledMidRunEndToEndTest {
  @Override
  boolean onMariaDb() {
    return true;
  }

  @Override
  List<String> childDatabaseArgs() {
    PersistenceConfig config = persistence();
    return List.of(
        "jdbcUrl=" + config.jdbcUrl(),
        "jdbcUser=" + config.user(),
        "jdbcPassword=" + config.password());
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
