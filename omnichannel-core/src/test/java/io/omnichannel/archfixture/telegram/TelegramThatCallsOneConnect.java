package io.omnichannel.archfixture.telegram;

import io.omnichannel.archfixture.oneconnect.OneConnectEntry;

/** Breaks "adapters are seen only by the launcher": one adapter calls another. */
public class TelegramThatCallsOneConnect {
  final OneConnectEntry otherAdapter = new OneConnectEntry();
}
