package io.omnichannel.launcher.messengers;

/** One messenger's settings, able to make its adapter once the gateway's parts exist. */
@FunctionalInterface
public interface MessengerSetup {
  Messenger create(MessengerContext context);
}
