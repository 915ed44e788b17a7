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
 * AES-256-GCM with a fresh random 12-byte nonce per seal. The first key seals; all keys unseal, so
 * an old key can be kept while secrets are re-sealed under a new one.
 *
 * <p>Format 2 (sealed now): a 4-byte marker, the nonce, the encrypted text and its tag; the
 * associated data binds the format, the key id and the context (table, column and row), so a value
 * moved elsewhere does not open. Format 1 (sealed by older versions): nonce, encrypted text and
 * tag, with the key id alone as associated data; it still opens, and {@link Resealing} rewrites it
 * in format 2 at start.
 */
final class AesGcmSealer implements SecretSealer {
  private static final byte[] FORMAT_2 = {0x00, 'O', 'C', 0x02};
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
  public SealedSecret seal(String plaintext, String context) {
    checkArgument(context != null && !context.isBlank(), "a seal needs its context");
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, sealing, nonce, format2Aad(sealing, context));
      byte[] encrypted = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return new SealedSecret(
          sealing.id(),
          ByteBuffer.allocate(FORMAT_2.length + NONCE_BYTES + encrypted.length)
              .put(FORMAT_2)
              .put(nonce)
              .put(encrypted)
              .array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  @Override
  public String unseal(SealedSecret sealed, String context) {
    MasterKey key = byId.get(sealed.keyId());
    if (key == null) {
      throw new IllegalStateException("no master key with id " + sealed.keyId() + " is configured");
    }
    byte[] bytes = sealed.ciphertext();
    if (isFormat2(bytes)) {
      try {
        return open(key, bytes, FORMAT_2.length, format2Aad(key, context));
      } catch (GeneralSecurityException e) {
        // a format-1 nonce may start like the marker (one in 2^32): try it as that before refusing
      }
    }
    try {
      return open(key, bytes, 0, key.id().getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "sealed secret does not open with key "
              + key.id()
              + " for "
              + context
              + " (tampered, moved or wrong key)");
    }
  }

  @Override
  public boolean isCurrent(SealedSecret sealed) {
    return sealed.keyId().equals(sealing.id()) && isFormat2(sealed.ciphertext());
  }

  private static boolean isFormat2(byte[] bytes) {
    return bytes.length > FORMAT_2.length + NONCE_BYTES
        && Arrays.equals(bytes, 0, FORMAT_2.length, FORMAT_2, 0, FORMAT_2.length);
  }

  private static String open(MasterKey key, byte[] bytes, int offset, byte[] aad)
      throws GeneralSecurityException {
    if (bytes.length <= offset + NONCE_BYTES) {
      throw new GeneralSecurityException("sealed secret too short");
    }
    byte[] nonce = Arrays.copyOfRange(bytes, offset, offset + NONCE_BYTES);
    Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, aad);
    byte[] plain = cipher.doFinal(bytes, offset + NONCE_BYTES, bytes.length - offset - NONCE_BYTES);
    return new String(plain, StandardCharsets.UTF_8);
  }

  private static byte[] format2Aad(MasterKey key, String context) {
    return ("omnichannel-sealed-v2\n" + key.id() + "\n" + context).getBytes(StandardCharsets.UTF_8);
  }

  private static Cipher cipher(int mode, MasterKey key, byte[] nonce, byte[] aad)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(aad);
    return cipher;
  }
}
