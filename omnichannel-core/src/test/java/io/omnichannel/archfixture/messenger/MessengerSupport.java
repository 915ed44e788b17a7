package io.omnichannel.archfixture.messenger;

/** The miniature's module the messenger adapters share, as the Telegram adapter uses it. */
public class MessengerSupport {}
