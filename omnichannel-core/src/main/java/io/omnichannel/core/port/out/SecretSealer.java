package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.SealedSecret;

/** Encrypts secrets for storage; the key id stored with each ciphertext allows key rotation. */
public interface SecretSealer {
  SealedSecret seal(String plaintext);

  String unseal(SealedSecret sealed);
}
