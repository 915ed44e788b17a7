package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable URL-safe tokens for links, webhook secrets and hook credentials. */
public final class RandomTokens {
  private final SecureRandom random;

  public RandomTokens(SecureRandom random) {
    this.random = random;
  }

  public static RandomTokens secure() {
    return new RandomTokens(new SecureRandom());
  }

  /** A token of {@code bytes} random bytes, base64url without padding ([A-Za-z0-9_-] only). */
  public String token(int bytes) {
    checkArgument(bytes >= 8, "at least 64 bits");
    byte[] buffer = new byte[bytes];
    random.nextBytes(buffer);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
  }
}
