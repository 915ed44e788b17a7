package io.omnichannel.core.domain;

/** Which way a message travels. */
public enum Direction {
  /** From a messenger user into a line. */
  TO_LINE,
  /** From a line's specialist out to a messenger user. */
  TO_CHANNEL
}
