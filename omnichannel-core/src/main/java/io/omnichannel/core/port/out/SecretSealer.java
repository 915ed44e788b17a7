package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.SealedSecret;

/**
 * Encrypts secrets for storage; the key id stored with each ciphertext allows key rotation. The
 * context names where the value lives (for example {@code connections.token:<id>}): a value opens
 * only under the context it was sealed for, so a ciphertext copied to another row or column is
 * refused.
 */
public interface SecretSealer {
  SealedSecret seal(String plaintext, String context);

  String unseal(SealedSecret sealed, String context);

  /** Whether the value is sealed in the current format under the current key (else: re-seal it). */
  boolean isCurrent(SealedSecret sealed);
}
