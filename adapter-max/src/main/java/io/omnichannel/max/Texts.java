package io.omnichannel.max;

/** MAX's text limit; the splitting is {@link io.omnichannel.messenger.support.TextParts}. */
final class Texts {
  static final int MESSAGE_MAX = 4000;

  private Texts() {}
}
