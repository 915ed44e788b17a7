package io.omnichannel.archfixture.persistence;

import io.omnichannel.archfixture.testkit.Emulator;

/** Breaks "test equipment is seen by no product module": production code uses an emulator. */
public class PersistenceThatUsesTheTestKit {
  final Emulator emulator = new Emulator();
}
