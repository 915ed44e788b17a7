package io.omnichannel.archfixture.core;

import org.assertj.core.api.Assertions;

/** Breaks "the core depends only on the JDK and Guava": the core calls a third-party library. */
public class CoreThatUsesALibrary {
  void check(String text) {
    Assertions.assertThat(text).isNotBlank();
  }
}
