package io.omnichannel.persistence;

import static com.google.common.base.Preconditions.checkArgument;

import io.omnichannel.core.domain.SealedSecret;
import io.omnichannel.core.port.out.SecretSealer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a fresh random 12-byte nonce per seal; the ciphertext is nonce followed by the
 * encrypted text and its tag, and the key id is bound in as associated data. The first key seals;
 * all keys unseal, so an old key can be kept while secrets are re-sealed under a new one.
 */
final class AesGcmSealer implements SecretSealer {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final MasterKey sealing;
  private final Map<String, MasterKey> byId = new LinkedHashMap<>();
  private final SecureRandom random = new SecureRandom();

  AesGcmSealer(List<MasterKey> keys) {
    checkArgument(!keys.isEmpty(), "at least one master key");
    this.sealing = keys.get(0);
    keys.forEach(key -> byId.putIfAbsent(key.id(), key));
  }

  @Override
  public SealedSecret seal(String plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, sealing, nonce);
      byte[] encrypted = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return new SealedSecret(
          sealing.id(),
          ByteBuffer.allocate(NONCE_BYTES + encrypted.length).put(nonce).put(encrypted).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  @Override
  public String unseal(SealedSecret sealed) {
    MasterKey key = byId.get(sealed.keyId());
    if (key == null) {
      throw new IllegalStateException("no master key with id " + sealed.keyId() + " is configured");
    }
    byte[] bytes = sealed.ciphertext();
    checkArgument(bytes.length > NONCE_BYTES, "sealed secret too short");
    try {
      byte[] nonce = Arrays.copyOfRange(bytes, 0, NONCE_BYTES);
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce);
      byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "sealed secret does not open with key " + key.id() + " (tampered or wrong key)");
    }
  }

  private static Cipher cipher(int mode, MasterKey key, byte[] nonce)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(key.id().getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
