package io.omnichannel.archfixture.telegram;

import io.omnichannel.archfixture.launcher.Wiring;

/** Breaks "nothing knows the launcher": an adapter calls back into the wiring. */
public class TelegramThatCallsTheLauncher {
  final Wiring launcher = new Wiring();
}
