package io.omnichannel.persistence;

import io.omnichannel.core.domain.SealedSecret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/** Seals as versions before format 2 did: nonce and ciphertext, the key id as associated data. */
final class LegacySeal {
  private LegacySeal() {}

  static SealedSecret seal(MasterKey key, String plaintext) throws Exception {
    byte[] nonce = new byte[12];
    new SecureRandom().nextBytes(nonce);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(128, nonce));
    cipher.updateAAD(key.id().getBytes(StandardCharsets.UTF_8));
    byte[] encrypted = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
    return new SealedSecret(
        key.id(), ByteBuffer.allocate(12 + encrypted.length).put(nonce).put(encrypted).array());
  }
}
