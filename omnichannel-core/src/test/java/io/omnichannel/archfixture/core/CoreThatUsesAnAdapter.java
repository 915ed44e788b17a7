package io.omnichannel.archfixture.core;

import io.omnichannel.archfixture.telegram.TelegramEntry;

/** Breaks "the core depends only on the JDK and Guava": the core calls an adapter. */
public class CoreThatUsesAnAdapter {
  final TelegramEntry adapter = new TelegramEntry();
}
