package io.omnichannel.telegram;

/** Telegram's text limits; the splitting is {@link io.omnichannel.messenger.support.TextParts}. */
final class Texts {
  static final int MESSAGE_MAX = 4096;
  static final int CAPTION_MAX = 1024;

  private Texts() {}
}
