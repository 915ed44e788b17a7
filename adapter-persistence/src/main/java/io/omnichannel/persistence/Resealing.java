package io.omnichannel.persistence;

import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.SealedSecret;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A start-up step after the migrations: every secret stored by an older version, or under a retired
 * key, is sealed again in the current format (bound to its row and column), and management-line
 * events stored in clear by older versions are sealed. Each write is conditional on the value it
 * read, so instances starting together on one database do not undo each other.
 *
 * <p>What older versions left is there once: the whole step runs until it has been done on the
 * database (a mark in {@code maintenance_marks}), so that later starts skip the scan of the inbox.
 * Secrets are sealed again at later starts only while retired keys are configured (a rotation: the
 * connection and confirmation tables are small).
 */
final class Resealing {
  private static final Logger LOG = LoggerFactory.getLogger(Resealing.class);
  private static final List<String> CONNECTION_SECRETS =
      List.of("token", "api_password", "hook_password");

  private record Stored(String row, SealedSecret sealed) {}

  private record Text(long id, String eventId, String payload) {}

  private final Db db;
  private final Sealing sealing;

  Resealing(Db db, Sealing sealing) {
    this.db = db;
    this.sealing = sealing;
  }

  private static final String MARK = "resealed";

  /** Returns how many values were sealed again. */
  int run(boolean retiredKeys) {
    boolean done =
        db.queryOne("SELECT 1 FROM maintenance_marks WHERE name = ?", row -> true, MARK)
            .isPresent();
    if (done && !retiredKeys) {
      return 0;
    }
    int resealed = 0;
    for (String column : CONNECTION_SECRETS) {
      resealed +=
          reseal(
              "connections",
              "id",
              column,
              row -> JdbcConnections.context(column, new ConnectionId(row)));
    }
    resealed += reseal("confirmations", "token_hash", "token", JdbcConfirmations::context);
    if (!done) {
      resealed += sealManagementEvents();
      mark(MARK);
    }
    if (resealed > 0) {
      LOG.info("secrets sealed again in the current format: {}", resealed);
    }
    return resealed;
  }

  private void mark(String name) {
    try {
      db.update(
          "INSERT INTO maintenance_marks (name, done_at) VALUES (?, ?)",
          name,
          Micros.of(Instant.now()));
    } catch (SqlErrors.DuplicateRow markedMeanwhile) {
      // another instance starting at the same time finished it too
    }
  }

  private interface Context {
    String of(String row);
  }

  private int reseal(String table, String idColumn, String column, Context context) {
    List<Stored> stored =
        db.query(
            "SELECT %1$s, %2$s_key, %2$s_sealed FROM %3$s WHERE %2$s_sealed IS NOT NULL"
                .formatted(idColumn, column, table),
            row -> new Stored(row.getString(idColumn), Sealing.stored(row, column)));
    int resealed = 0;
    for (Stored value : stored) {
      if (sealing.isCurrent(value.sealed())) {
        continue;
      }
      String where = context.of(value.row());
      String plain;
      try {
        plain = sealing.open(value.sealed(), where);
      } catch (IllegalStateException unopenable) {
        LOG.warn("a sealed value does not open and stays as it is: {}", where);
        continue;
      }
      SealedSecret fresh = sealing.seal(plain, where);
      resealed +=
          db.update(
              "UPDATE %1$s SET %2$s_key = ?, %2$s_sealed = ? WHERE %3$s = ? AND %2$s_sealed = ?"
                  .formatted(table, column, idColumn),
              fresh.keyId(),
              fresh.ciphertext(),
              value.row(),
              value.sealed().ciphertext());
    }
    return resealed;
  }

  private int sealManagementEvents() {
    List<Text> clear =
        db.query(
            "SELECT id, event_id, payload FROM inbox WHERE kind = 'MANAGEMENT_EVENT' "
                + "AND payload NOT LIKE 'sealed:%'",
            row ->
                new Text(row.getLong("id"), row.getString("event_id"), row.getString("payload")));
    int sealed = 0;
    for (Text text : clear) {
      sealed +=
          db.update(
              "UPDATE inbox SET payload = ? WHERE id = ? AND payload NOT LIKE 'sealed:%'",
              sealing.sealText(text.payload(), JdbcInbox.context(text.eventId())), text.id());
    }
    return sealed;
  }
}
