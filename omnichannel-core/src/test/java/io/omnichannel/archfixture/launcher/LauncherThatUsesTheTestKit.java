package io.omnichannel.archfixture.launcher;

import io.omnichannel.archfixture.testkit.Emulator;

/** Breaks "the launcher uses no test equipment": the service would ship an emulator. */
public class LauncherThatUsesTheTestKit {
  final Emulator emulator = new Emulator();
}
