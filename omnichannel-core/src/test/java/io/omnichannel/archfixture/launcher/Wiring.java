package io.omnichannel.archfixture.launcher;

import io.omnichannel.archfixture.oneconnect.OneConnectEntry;
import io.omnichannel.archfixture.telegram.TelegramEntry;

/** The miniature's launcher: it alone knows the adapters. */
public class Wiring {
  final TelegramEntry telegram = new TelegramEntry();
  final OneConnectEntry oneConnect = new OneConnectEntry();
}
