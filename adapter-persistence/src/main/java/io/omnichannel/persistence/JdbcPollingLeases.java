package io.omnichannel.persistence;

import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.port.out.PollingLeases;
import java.time.Duration;
import java.time.Instant;

/**
 * B3: one row per bot's connection with its holder and expiry. Acquiring is one conditional UPDATE
 * (the holder renews, or anyone takes an expired lease), else an INSERT whose primary key lets one
 * instance win a free lease.
 */
final class JdbcPollingLeases implements PollingLeases {
  private static final String TAKE_OR_RENEW =
      """
      UPDATE polling_leases SET holder = ?, leased_until = ?
       WHERE connection_id = ? AND (holder = ? OR leased_until <= ?)
      """;
  private static final String INSERT =
      """
      INSERT INTO polling_leases (connection_id, holder, leased_until) VALUES (?, ?, ?)
      """;

  private final Db db;

  JdbcPollingLeases(Db db) {
    this.db = db;
  }

  @Override
  public boolean acquireOrRenew(
      ConnectionId connection, String instance, Instant now, Duration ttl) {
    long until = Micros.of(now.plus(ttl));
    if (db.update(TAKE_OR_RENEW, instance, until, connection.value(), instance, Micros.of(now))
        == 1) {
      return true;
    }
    try {
      db.update(INSERT, connection.value(), instance, until);
      return true;
    } catch (SqlErrors.DuplicateRow held) {
      return false;
    }
  }

  @Override
  public void release(ConnectionId connection, String instance) {
    db.update(
        "DELETE FROM polling_leases WHERE connection_id = ? AND holder = ?",
        connection.value(),
        instance);
  }
}
