package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.Base64;

/**
 * A secret encrypted for storage: the id of the key that sealed it, and the ciphertext (nonce
 * included).
 */
public record SealedSecret(String keyId, byte[] ciphertext) {
  public SealedSecret {
    checkArgument(keyId != null && !keyId.isBlank(), "key id must not be blank");
    checkArgument(ciphertext != null && ciphertext.length > 0, "ciphertext must not be empty");
    ciphertext = ciphertext.clone();
  }

  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SealedSecret that
        && keyId.equals(that.keyId)
        && Arrays.equals(ciphertext, that.ciphertext);
  }

  @Override
  public int hashCode() {
    return 31 * keyId.hashCode() + Arrays.hashCode(ciphertext);
  }

  @Override
  public String toString() {
    return "SealedSecret["
        + keyId
        + ":"
        + Base64.getEncoder().encodeToString(ciphertext).length()
        + " chars]";
  }
}
