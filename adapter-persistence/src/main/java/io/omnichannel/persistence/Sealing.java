package io.omnichannel.persistence;

import io.omnichannel.core.domain.SealedSecret;
import io.omnichannel.core.port.out.SecretSealer;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads and writes a secret as a pair of columns: {@code <name>_key} and {@code <name>_sealed}. */
final class Sealing {
  private final SecretSealer sealer;

  Sealing(SecretSealer sealer) {
    this.sealer = sealer;
  }

  SealedSecret seal(String plaintext) {
    return sealer.seal(plaintext);
  }

  String open(ResultSet row, String name) throws SQLException {
    return sealer.unseal(
        new SealedSecret(row.getString(name + "_key"), row.getBytes(name + "_sealed")));
  }
}
