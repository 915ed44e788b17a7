package io.omnichannel.testkit.max;

/**
 * One inline-keyboard button as the bot sent it.
 *
 * @param type {@code callback}, {@code link}, {@code message} …
 * @param payload the callback/clipboard payload, else null
 * @param url the link button's URL, else null
 */
public record MaxButton(String type, String text, String payload, String url) {}
