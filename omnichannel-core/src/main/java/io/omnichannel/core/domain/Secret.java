package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A password or credential that must never reach a log, an exception text or a plain column. {@link
 * #toString()} is redacted; {@link #reveal()} is for the wire only.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  public static Secret of(String value) {
    checkArgument(value != null && !value.isEmpty(), "secret must not be empty");
    return new Secret(value);
  }

  public String reveal() {
    return value;
  }

  /**
   * Compares in time independent of where the texts differ, so a caller learns nothing from timing.
   */
  public boolean matches(String presented) {
    if (presented == null) {
      return false;
    }
    return MessageDigest.isEqual(
        value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "***";
  }
}
