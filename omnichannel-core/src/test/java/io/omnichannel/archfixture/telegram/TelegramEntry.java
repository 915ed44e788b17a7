package io.omnichannel.archfixture.telegram;

/** The miniature's Telegram adapter, as the launcher uses it. */
public class TelegramEntry {}
