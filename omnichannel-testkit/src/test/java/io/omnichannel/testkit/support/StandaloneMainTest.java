package io.omnichannel.testkit.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StandaloneMainTest {
  @Test
  void readsThePortInEitherFormOrKeepsTheDefault() {
    assertThat(StandaloneMain.portFrom(new String[] {}, 8081)).isEqualTo(8081);
    assertThat(StandaloneMain.portFrom(new String[] {"--port", "9123"}, 8081)).isEqualTo(9123);
    assertThat(StandaloneMain.portFrom(new String[] {"--port=9124"}, 8081)).isEqualTo(9124);
  }

  @Test
  void refusesAnythingElse() {
    assertThatThrownBy(() -> StandaloneMain.portFrom(new String[] {"--verbose"}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown argument: --verbose");
    assertThatThrownBy(() -> StandaloneMain.portFrom(new String[] {"--port", "x"}, 0))
        .hasMessage("not a port: x");
  }
}
