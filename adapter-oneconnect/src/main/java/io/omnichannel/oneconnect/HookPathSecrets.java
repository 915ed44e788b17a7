package io.omnichannel.oneconnect;

import io.omnichannel.core.domain.HookCredentials;
import io.omnichannel.core.domain.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret each hook URL carries in its path ({@code /hooks/oneconnect/<hook>.<secret>}), so that
 * a hook stays authenticated if 1C-Connect ignores {@code back_auth} (no public client sends it;
 * oneconnect-api.md §5). The secret is the hook's own back-auth credentials sealed with AES-GCM
 * under a key derived from the gateway's service password, bound to the hook's id: unguessable, one
 * per hook, readable by every instance without storage, and never the password in clear in an
 * access log. The same hook and credentials always seal to the same secret, so re-registering a
 * hook keeps its URL.
 */
final class HookPathSecrets {
  static final char SEPARATOR = '.';
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

  private final byte[] key;

  HookPathSecrets(Secret servicePassword) {
    this.key = hmac(servicePassword.reveal().getBytes(StandardCharsets.UTF_8), "hook-path-key");
  }

  /** {@code <hookId>.<secret>}: the last path segment of the hook's URL. */
  String segment(String hookId, HookCredentials credentials) {
    byte[] plain =
        (credentials.login() + "\n" + credentials.password().reveal())
            .getBytes(StandardCharsets.UTF_8);
    byte[] iv =
        Arrays.copyOf(
            hmac(key, hookId + "\n" + new String(plain, StandardCharsets.UTF_8)), IV_BYTES);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, hookId);
      byte[] sealed = cipher.doFinal(plain);
      return hookId
          + SEPARATOR
          + ENCODE.encodeToString(
              ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal a hook secret", e);
    }
  }

  /** The credentials a path secret carries, or empty when it was not sealed for this hook. */
  Optional<BasicAuth.Presented> open(String hookId, String secret) {
    byte[] bytes;
    try {
      bytes = DECODE.decode(secret);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    if (bytes.length <= IV_BYTES) {
      return Optional.empty();
    }
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, IV_BYTES), hookId);
      String plain =
          new String(
              cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
      int newline = plain.indexOf('\n');
      return newline < 0
          ? Optional.empty()
          : Optional.of(
              new BasicAuth.Presented(plain.substring(0, newline), plain.substring(newline + 1)));
    } catch (GeneralSecurityException forged) {
      return Optional.empty();
    }
  }

  private Cipher cipher(int mode, byte[] iv, String hookId) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
    cipher.updateAAD(hookId.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }

  private static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }
}
