package io.omnichannel.persistence;

import static io.omnichannel.persistence.Fixtures.T0;
import static io.omnichannel.persistence.Fixtures.connection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.InboundKind;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.domain.SealedSecret;
import io.omnichannel.core.port.out.Claimed;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Item 2 of issue 11: no secret in clear in any row, a sealed value opens only in its own row and
 * column, and what older versions stored (clear management events, seals without their place) is
 * sealed again at start.
 */
abstract class SecretsAtRestContract extends DatabaseTest {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final String TOKEN = "1234567:AAFpastedTOKENxxxxxxxxxxxxxxxxxxxxx";

  SecretsAtRestContract(TestDatabase database) {
    super(database);
  }

  private static InboundRecord management(String eventId, String text) {
    return new InboundRecord(
        InboundKind.MANAGEMENT_EVENT,
        Optional.empty(),
        eventId,
        "specialist-1",
        "{\"type\":\"message\",\"text\":\"" + text + "\"}",
        T0);
  }

  @Test
  void aManagementEventCarryingATokenIsNeverStoredInClearWhetherDoneOrDead() throws Exception {
    InboundRecord done = management("1c:m-1", TOKEN);
    InboundRecord dead = management("1c:m-2", TOKEN + "-again");
    db.inbox().store(done);
    db.inbox().store(dead);

    Claimed<InboundRecord> first = db.inbox().claimNext(T0, LEASE).orElseThrow();
    assertThat(first.item()).isEqualTo(done);
    db.inbox().complete(first);
    Claimed<InboundRecord> second = db.inbox().claimNext(T0, LEASE).orElseThrow();
    assertThat(second.item()).isEqualTo(dead);
    db.inbox().bury(second, "bug");

    String everything = dumpAllTables();
    assertThat(everything).contains("event_id=1c:m-1", "payload=sealed:2:");
    assertThat(everything).doesNotContain(TOKEN, "pastedTOKEN");
  }

  @Test
  void aSealedTokenCopiedToAnotherConnectionDoesNotOpenThere() throws Exception {
    Connection a = connection("company-1", "line-1", "1001");
    Connection b = connection("company-1", "line-2", "1002");
    db.connections().insert(a);
    db.connections().insert(b);

    try (java.sql.Connection jdbc = database.jdbc();
        PreparedStatement copy =
            jdbc.prepareStatement(
                "UPDATE connections SET token_key = (SELECT k FROM (SELECT token_key AS k FROM"
                    + " connections WHERE id = ?) x), token_sealed = (SELECT s FROM (SELECT"
                    + " token_sealed AS s FROM connections WHERE id = ?) y) WHERE id = ?")) {
      copy.setString(1, a.id().value());
      copy.setString(2, a.id().value());
      copy.setString(3, b.id().value());
      assertThat(copy.executeUpdate()).isEqualTo(1);
    }

    assertThatThrownBy(() -> db.connections().find(b.id()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("connections.token:" + b.id().value());
    assertThat(db.connections().find(a.id()).orElseThrow().token()).isEqualTo(a.token());
  }

  @Test
  void aSealedValueMovedToAnotherColumnOfTheSameRowDoesNotOpen() throws Exception {
    Connection a = connection("company-1", "line-1", "1001");
    db.connections().insert(a);

    try (java.sql.Connection jdbc = database.jdbc();
        PreparedStatement move =
            jdbc.prepareStatement(
                "UPDATE connections SET api_password_key = token_key,"
                    + " api_password_sealed = token_sealed WHERE id = ?")) {
      move.setString(1, a.id().value());
      move.executeUpdate();
    }

    assertThatThrownBy(() -> db.connections().find(a.id()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void whatAnOlderVersionStoredIsSealedAgainAtStartAndStillReads() throws Exception {
    Connection a = connection("company-1", "line-1", "1001");
    db.connections().insert(a);
    MasterKey key = MasterKey.inFolder(config.dataFolder());
    SealedSecret legacy = LegacySeal.seal(key, a.token().reveal());
    try (java.sql.Connection jdbc = database.jdbc();
        PreparedStatement old =
            jdbc.prepareStatement("UPDATE connections SET token_sealed = ? WHERE id = ?");
        PreparedStatement clear =
            jdbc.prepareStatement(
                "INSERT INTO inbox (event_id, kind, ordering_key, payload, received_at, due_at)"
                    + " VALUES ('1c:old', 'MANAGEMENT_EVENT', 'specialist-1', ?, 0, 0)")) {
      old.setBytes(1, legacy.ciphertext());
      old.setString(2, a.id().value());
      old.executeUpdate();
      clear.setString(1, management("1c:old", TOKEN).payload());
      clear.executeUpdate();
      // an older version never sealed anything again at start: it left no mark
      jdbc.createStatement().executeUpdate("DELETE FROM maintenance_marks");
    }
    assertThat(dumpAllTables()).contains(TOKEN);

    db.close(); // the older version stops; the new one starts on the same database
    db = Persistence.open(config);
    Persistence restarted = db;

    String everything = dumpAllTables();
    assertThat(everything).doesNotContain(TOKEN);
    byte[] resealed = rawToken(a);
    assertThat(resealed).startsWith(0x00, 'O', 'C', 0x02).isNotEqualTo(legacy.ciphertext());
    assertThat(restarted.connections().find(a.id()).orElseThrow().token()).isEqualTo(a.token());
    assertThat(restarted.inbox().claimNext(T0, LEASE).orElseThrow().item().payload())
        .isEqualTo(management("1c:old", TOKEN).payload());
  }

  private byte[] rawToken(Connection connection) throws Exception {
    try (java.sql.Connection jdbc = database.jdbc();
        PreparedStatement select =
            jdbc.prepareStatement("SELECT token_sealed FROM connections WHERE id = ?")) {
      select.setString(1, connection.id().value());
      try (var rows = select.executeQuery()) {
        rows.next();
        return rows.getBytes(1);
      }
    }
  }

  private String dumpAllTables() throws Exception {
    StringBuilder all = new StringBuilder();
    for (String table : TestDatabase.TABLES) {
      all.append(RawRows.dump(database, "SELECT * FROM " + table)).append('\n');
    }
    return all.toString();
  }
}
