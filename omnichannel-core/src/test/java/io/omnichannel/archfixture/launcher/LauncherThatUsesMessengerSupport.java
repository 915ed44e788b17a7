package io.omnichannel.archfixture.launcher;

import io.omnichannel.archfixture.messenger.MessengerSupport;

/**
 * Breaks "the messenger support is seen only by the messenger adapters": the launcher reaches past
 * an adapter's entry into what the adapters share.
 */
public class LauncherThatUsesMessengerSupport {
  final MessengerSupport support = new MessengerSupport();
}
