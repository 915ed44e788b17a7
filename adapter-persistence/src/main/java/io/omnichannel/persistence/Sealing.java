package io.omnichannel.persistence;

import io.omnichannel.core.domain.SealedSecret;
import io.omnichannel.core.port.out.SecretSealer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads and writes a secret as a pair of columns, {@code <name>_key} and {@code <name>_sealed}, or
 * as one text column ({@link #sealText}); each value is bound to its table, column and row.
 */
final class Sealing {
  /** How a text column marks a sealed value: {@code sealed:2:<key id>:<base64>}. */
  static final String TEXT_PREFIX = "sealed:2:";

  private final SecretSealer sealer;

  Sealing(SecretSealer sealer) {
    this.sealer = sealer;
  }

  /** Where a value lives, bound into its seal: {@code table.column:row}. */
  static String context(String table, String column, String row) {
    return table + "." + column + ":" + row;
  }

  SealedSecret seal(String plaintext, String context) {
    return sealer.seal(plaintext, context);
  }

  String open(SealedSecret sealed, String context) {
    return sealer.unseal(sealed, context);
  }

  boolean isCurrent(SealedSecret sealed) {
    return sealer.isCurrent(sealed);
  }

  String open(ResultSet row, String name, String context) throws SQLException {
    return sealer.unseal(stored(row, name), context);
  }

  static SealedSecret stored(ResultSet row, String name) throws SQLException {
    return new SealedSecret(row.getString(name + "_key"), row.getBytes(name + "_sealed"));
  }

  String sealText(String plaintext, String context) {
    SealedSecret sealed = sealer.seal(plaintext, context);
    return TEXT_PREFIX
        + sealed.keyId()
        + ":"
        + Base64.getEncoder().encodeToString(sealed.ciphertext());
  }

  /** The text itself when it is not sealed (rows of older versions before {@link Resealing}). */
  String openText(String stored, String context) {
    return sealedText(stored).map(value -> sealer.unseal(value, context)).orElse(stored);
  }

  static Optional<SealedSecret> sealedText(String stored) {
    if (!stored.startsWith(TEXT_PREFIX)) {
      return Optional.empty();
    }
    String rest = stored.substring(TEXT_PREFIX.length());
    int colon = rest.indexOf(':');
    if (colon <= 0) {
      throw new IllegalStateException("a sealed text without its key id");
    }
    return Optional.of(
        new SealedSecret(
            rest.substring(0, colon), Base64.getDecoder().decode(rest.substring(colon + 1))));
  }
}
