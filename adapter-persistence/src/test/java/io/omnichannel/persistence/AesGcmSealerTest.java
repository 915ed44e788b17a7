package io.omnichannel.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.SealedSecret;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class AesGcmSealerTest {
  private static final String SECRET = "1001:TOKENSECRETxxxxxxxxxxxxxxxxxxxxxxx";

  private static String newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private final MasterKey key = MasterKey.fromBase64("masterKey", newKey());
  private final AesGcmSealer sealer = new AesGcmSealer(List.of(key));

  @Test
  void sealsAndUnsealsUnderTheKeyItNames() {
    SealedSecret sealed = sealer.seal(SECRET);

    assertThat(sealed.keyId()).isEqualTo(key.id()).startsWith("k");
    assertThat(sealer.unseal(sealed)).isEqualTo(SECRET);
    assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1))
        .doesNotContain("TOKENSECRET");
  }

  @Test
  void everySealHasItsOwnNonce() {
    SealedSecret first = sealer.seal(SECRET);
    SealedSecret second = sealer.seal(SECRET);

    assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    assertThat(first.ciphertext()).hasSize(12 + SECRET.length() + 16);
  }

  @Test
  void aNewKeySealsWhileARetiredKeyStillUnseals() {
    SealedSecret underOldKey = sealer.seal(SECRET);
    MasterKey newKey = MasterKey.fromBase64("masterKey", newKey());
    AesGcmSealer rotated = new AesGcmSealer(List.of(newKey, key));

    assertThat(rotated.unseal(underOldKey)).isEqualTo(SECRET);
    assertThat(rotated.seal(SECRET).keyId()).isEqualTo(newKey.id()).isNotEqualTo(key.id());
    assertThatThrownBy(() -> new AesGcmSealer(List.of(newKey)).unseal(underOldKey))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(key.id());
  }

  @Test
  void aTamperedCiphertextDoesNotOpen() {
    byte[] bytes = sealer.seal(SECRET).ciphertext();
    bytes[bytes.length - 1] ^= 1;

    assertThatThrownBy(() -> sealer.unseal(new SealedSecret(key.id(), bytes)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining("TOKENSECRET");
  }

  @Test
  void aMasterKeyMustBe256BitsOfBase64AndTheErrorNamesTheFieldNotTheValue() {
    assertThatThrownBy(() -> MasterKey.fromBase64("masterKey", "not base64!"))
        .hasMessage("masterKey is not base64");
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> MasterKey.fromBase64("masterKey", shortKey))
        .hasMessageContaining("masterKey must be 32 bytes")
        .hasMessageNotContaining(shortKey);
  }
}
