package io.omnichannel.conformance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.conformance.PigeonDriver.Flaw;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every contract test of the kit can fail: an adapter with one broken promise fails the test of
 * that promise.
 */
class KitCatchesFlawsTest {

  @ParameterizedTest
  @EnumSource(Flaw.class)
  void anAdapterWithTheFlawFailsItsContractTest(Flaw flaw) {
    MessengerChannelConformance kit =
        new MessengerChannelConformance() {
          @Override
          protected ChannelDriver createDriver() {
            return new PigeonDriver(Set.of(flaw));
          }
        };
    kit.startDriver();
    try {
      assertThatThrownBy(() -> flaw.contract.run(kit)).isInstanceOf(AssertionError.class);
    } finally {
      kit.closeDriver();
    }
  }
}
