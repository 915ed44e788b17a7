package io.omnichannel.core.domain;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * The one-time token behind a confirmation link: 256 random bits. Only its {@link #hash()} is
 * stored, so a copy of the database opens no link.
 */
public final class ConfirmationToken {
  private static final int RANDOM_BYTES = 32;

  private final String value;

  private ConfirmationToken(String value) {
    this.value = value;
  }

  public static ConfirmationToken generate(RandomTokens random) {
    return new ConfirmationToken(random.token(RANDOM_BYTES));
  }

  /** The token as presented in a link; never validated beyond emptiness, it is only ever hashed. */
  public static ConfirmationToken presented(String value) {
    return new ConfirmationToken(value == null ? "" : value);
  }

  public String hash() {
    return hashOf(value);
  }

  /**
   * SHA-256, hex: for link tokens and webhook secrets, which are high-entropy, a plain hash
   * suffices.
   */
  public static String hashOf(String value) {
    return Hashing.sha256().hashString(value, StandardCharsets.UTF_8).toString();
  }

  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "ConfirmationToken[***]";
  }
}
