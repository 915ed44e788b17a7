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
  private static final String HERE = "connections.token:c-1";

  private static String newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private final MasterKey key = MasterKey.fromBase64("masterKey", newKey());
  private final AesGcmSealer sealer = new AesGcmSealer(List.of(key));

  @Test
  void sealsAndUnsealsUnderTheKeyItNames() {
    SealedSecret sealed = sealer.seal(SECRET, HERE);

    assertThat(sealed.keyId()).isEqualTo(key.id()).startsWith("k");
    assertThat(sealer.unseal(sealed, HERE)).isEqualTo(SECRET);
    assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1))
        .doesNotContain("TOKENSECRET");
  }

  @Test
  void everySealHasItsOwnNonce() {
    SealedSecret first = sealer.seal(SECRET, HERE);
    SealedSecret second = sealer.seal(SECRET, HERE);

    assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    assertThat(first.ciphertext()).hasSize(4 + 12 + SECRET.length() + 16);
  }

  @Test
  void aNewKeySealsWhileARetiredKeyStillUnseals() {
    SealedSecret underOldKey = sealer.seal(SECRET, HERE);
    MasterKey newKey = MasterKey.fromBase64("masterKey", newKey());
    AesGcmSealer rotated = new AesGcmSealer(List.of(newKey, key));

    assertThat(rotated.unseal(underOldKey, HERE)).isEqualTo(SECRET);
    assertThat(rotated.seal(SECRET, HERE).keyId()).isEqualTo(newKey.id()).isNotEqualTo(key.id());
    assertThatThrownBy(() -> new AesGcmSealer(List.of(newKey)).unseal(underOldKey, HERE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(key.id());
  }

  @Test
  void aTamperedCiphertextDoesNotOpen() {
    byte[] bytes = sealer.seal(SECRET, HERE).ciphertext();
    bytes[bytes.length - 1] ^= 1;

    assertThatThrownBy(() -> sealer.unseal(new SealedSecret(key.id(), bytes), HERE))
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

  @Test
  void aSealedValueMovedToAnotherRowOrColumnDoesNotOpen() {
    SealedSecret sealed = sealer.seal(SECRET, "connections.token:c-1");

    assertThatThrownBy(() -> sealer.unseal(sealed, "connections.token:c-2"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("connections.token:c-2")
        .hasMessageNotContaining("TOKENSECRET");
    assertThatThrownBy(() -> sealer.unseal(sealed, "connections.api_password:c-1"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> sealer.unseal(sealed, "confirmations.token:c-1"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(sealer.unseal(sealed, "connections.token:c-1")).isEqualTo(SECRET);
  }

  @Test
  void aValueSealedByAnOlderVersionStillOpensAndIsNotCurrent() throws Exception {
    SealedSecret legacy = LegacySeal.seal(key, SECRET);

    assertThat(sealer.unseal(legacy, HERE)).isEqualTo(SECRET);
    assertThat(sealer.isCurrent(legacy)).isFalse();
    assertThat(sealer.isCurrent(sealer.seal(SECRET, HERE))).isTrue();
  }
}
