package io.omnichannel.archfixture.telegram;

import io.omnichannel.archfixture.messenger.MessengerSupport;

/** Keeps the rules: a messenger adapter uses the module the messenger adapters share. */
public class TelegramOnMessengerSupport {
  final MessengerSupport support = new MessengerSupport();
}
