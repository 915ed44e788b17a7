package io.omnichannel.archfixture.mixed;

import io.omnichannel.archfixture.oneconnect.OneConnectThing;
import io.omnichannel.archfixture.telegram.TelegramThing;

/** Architecture-test fixture: what the two-adapter rule must refuse. */
public class BothAdapters {
  final TelegramThing telegram = new TelegramThing();
  final OneConnectThing oneConnect = new OneConnectThing();
}
