package io.omnichannel.core.port.out;

/** What 1C-Connect says about an API account entered on a confirmation page. */
public enum ApiAccountVerification {
  VERIFIED,
  /** Login or password wrong. */
  WRONG_CREDENTIALS,
  /** The account works but belongs to another company. */
  FOREIGN_COMPANY,
  /** The account cannot act on the chosen line (not listed, or bots not allowed on it). */
  LINE_NOT_ALLOWED
}
