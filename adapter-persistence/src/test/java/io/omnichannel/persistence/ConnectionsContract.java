package io.omnichannel.persistence;

import static io.omnichannel.persistence.Fixtures.connection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.AuditEntry;
import io.omnichannel.core.domain.AuditEntry.AuditAction;
import io.omnichannel.core.domain.BotId;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.ConnectionState;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.failure.ConnectionRuleViolated;
import io.omnichannel.core.domain.failure.ConnectionRuleViolated.Rule;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** F12 held by the database, and connections stored whole. */
abstract class ConnectionsContract extends DatabaseTest {
  ConnectionsContract(TestDatabase database) {
    super(database);
  }

  @Test
  void storesAConnectionWithEveryFieldAndItsSecrets() {
    Connection stored = connection("company-1", "line-1", "1001");

    db.connections().insert(stored);

    assertThat(db.connections().find(stored.id())).contains(stored);
    assertThat(db.connections().find(stored.id()).orElseThrow().token().reveal())
        .isEqualTo(stored.token().reveal());
  }

  @Test
  void theStoredRowHoldsNoSecretInClear() throws Exception {
    Connection stored = connection("company-1", "line-1", "1001");
    db.connections().insert(stored);

    String row =
        RawRows.dump(database, "SELECT * FROM connections WHERE id = ?", stored.id().value());

    assertThat(row).contains("bot1001_bot", "api-1001", "hook-1001", "token_sealed=");
    assertThat(row)
        .doesNotContain(
            "TOKENSECRET", stored.token().reveal(), Fixtures.API_PASSWORD, Fixtures.HOOK_PASSWORD);
  }

  @Test
  void namesWithEmojiAndCyrillicRoundTrip() {
    Connection stored = connection("company-1", "line-1", "Поддержка 🚀 клиентов", "1001");

    db.connections().insert(stored);

    assertThat(db.connections().find(stored.id()).orElseThrow().line().name())
        .isEqualTo("Поддержка 🚀 клиентов");
    assertThat(db.connections().find(stored.id()).orElseThrow().bot().displayName())
        .isEqualTo("Бот 1001");
  }

  @Test
  void findsActiveConnectionsByLineBotAndCompany() {
    Connection b = connection("company-1", "line-b", "Б-линия", "1002");
    Connection a = connection("company-1", "line-a", "А-линия", "1001");
    Connection other = connection("company-2", "line-c", "В-линия", "1003");
    db.connections().insert(b);
    db.connections().insert(a);
    db.connections().insert(other);

    assertThat(db.connections().findActiveByLine(new LineId("line-a"))).contains(a);
    assertThat(db.connections().findActiveByBot(b.channel(), new BotId("1002"))).contains(b);
    assertThat(db.connections().findActiveByBot(new ChannelKind("MAX"), new BotId("1002")))
        .isEmpty();
    assertThat(db.connections().activeOf(new CompanyId("company-1"))).containsExactly(a, b);
    assertThat(db.connections().allActive()).containsExactlyInAnyOrder(a, b, other);
    assertThat(db.connections().find(new ConnectionId("nope"))).isEmpty();
  }

  @Test
  void refusesASecondBotOnALine() {
    db.connections().insert(connection("company-1", "line-1", "1001"));

    assertThatThrownBy(() -> db.connections().insert(connection("company-1", "line-1", "1002")))
        .isInstanceOfSatisfying(
            ConnectionRuleViolated.class, e -> assertThat(e.rule()).isEqualTo(Rule.LINE_TAKEN));
  }

  @Test
  void refusesTheSameBotOnASecondLine() {
    db.connections().insert(connection("company-1", "line-1", "1001"));

    assertThatThrownBy(() -> db.connections().insert(connection("company-2", "line-2", "1001")))
        .isInstanceOfSatisfying(
            ConnectionRuleViolated.class, e -> assertThat(e.rule()).isEqualTo(Rule.BOT_TAKEN));
  }

  @Test
  void refusesASixthBotOfOneCompany() {
    for (int i = 1; i <= 5; i++) {
      db.connections().insert(connection("company-1", "line-" + i, "100" + i));
    }

    assertThatThrownBy(() -> db.connections().insert(connection("company-1", "line-6", "1006")))
        .isInstanceOfSatisfying(
            ConnectionRuleViolated.class, e -> assertThat(e.rule()).isEqualTo(Rule.COMPANY_FULL));
    db.connections().insert(connection("company-2", "line-7", "1007"));
    assertThat(db.connections().activeOf(new CompanyId("company-1"))).hasSize(5);
  }

  @Test
  void aDisconnectGivesTheLineTheBotAndTheSlotBack() {
    for (int i = 1; i <= 5; i++) {
      db.connections().insert(connection("company-1", "line-" + i, "100" + i));
    }
    Connection first = db.connections().findActiveByLine(new LineId("line-1")).orElseThrow();

    db.connections().update(first.disconnected(Fixtures.T0.plusSeconds(60)));

    assertThat(db.connections().find(first.id()).orElseThrow().disconnectedAt())
        .contains(Fixtures.T0.plusSeconds(60));
    assertThat(db.connections().findActiveByLine(new LineId("line-1"))).isEmpty();
    Connection again =
        new Connection(
            new ConnectionId("conn-again"),
            first.company(),
            first.channel(),
            first.line(),
            first.bot(),
            first.token(),
            first.technicalClient(),
            first.apiAccount(),
            first.webhookSecretHash(),
            first.hookCredentials(),
            ConnectionState.ACTIVE,
            Fixtures.T0.plusSeconds(120),
            Optional.empty());
    db.connections().insert(again);
    assertThat(db.connections().findActiveByBot(first.channel(), first.bot().id())).contains(again);
  }

  @Test
  void aChangedStateStartsItsTimeAndAnUnchangedStateKeepsIt() {
    Connection stored = connection("company-1", "line-1", "1001");
    db.connections().insert(stored);
    Instant later = Fixtures.T0.plusSeconds(3600);

    try (Persistence clocked =
        Persistence.open(config, Clock.fixed(later, ZoneOffset.UTC), "clocked")) {
      clocked.connections().update(stored);
      assertThat(clocked.connections().activeStatesSince())
          .isEqualTo(Map.of(stored.id(), stored.connectedAt()));

      clocked.connections().update(stored.withState(ConnectionState.TOKEN_REVOKED));
      assertThat(clocked.connections().activeStatesSince()).isEqualTo(Map.of(stored.id(), later));
    }
  }

  @Test
  void aChangedStateKeepsTheSlot() {
    Connection stored = connection("company-1", "line-1", "1001");
    db.connections().insert(stored);

    db.connections().update(stored.withState(ConnectionState.TOKEN_REVOKED));

    assertThat(db.connections().findActiveByLine(new LineId("line-1")).orElseThrow().state())
        .isEqualTo(ConnectionState.TOKEN_REVOKED);
    assertThatThrownBy(() -> db.connections().insert(connection("company-1", "line-1", "1002")))
        .isInstanceOf(ConnectionRuleViolated.class);
  }

  @Test
  void updatingAnUnknownConnectionFails() {
    assertThatThrownBy(() -> db.connections().update(connection("company-1", "line-1", "1001")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void sixSimultaneousConnectsOfOneCompanyLetExactlyFiveIn() throws Exception {
    List<Concurrently.Outcome<Boolean>> outcomes =
        Concurrently.run(
            6,
            i ->
                () -> {
                  db.connections().insert(connection("company-1", "line-" + i, "200" + i));
                  return true;
                });

    assertThat(outcomes).filteredOn(Concurrently.Outcome::succeeded).hasSize(5);
    assertThat(outcomes)
        .filteredOn(outcome -> !outcome.succeeded())
        .singleElement()
        .satisfies(
            outcome ->
                assertThat(outcome.failure())
                    .isInstanceOfSatisfying(
                        ConnectionRuleViolated.class,
                        e -> assertThat(e.rule()).isEqualTo(Rule.COMPANY_FULL)));
    assertThat(db.connections().activeOf(new CompanyId("company-1"))).hasSize(5);
  }

  @Test
  void sixSimultaneousConnectTransactionsOfOneCompanyLetExactlyFiveIn() throws Exception {
    Persistence otherInstance = anotherInstance();
    List<Concurrently.Outcome<Boolean>> outcomes =
        Concurrently.run(
            6,
            i ->
                () -> {
                  Persistence instance = i % 2 == 0 ? db : otherInstance;
                  instance
                      .transactions()
                      .run(
                          () -> {
                            instance
                                .auditTrail()
                                .record(
                                    new AuditEntry(
                                        Fixtures.T0,
                                        new CompanyId("company-1"),
                                        new PlatformUserId("anna"),
                                        AuditAction.CONNECTED,
                                        "line-" + i));
                            instance
                                .connections()
                                .insert(connection("company-1", "line-" + i, "400" + i));
                          });
                  return true;
                });

    assertThat(outcomes).filteredOn(Concurrently.Outcome::succeeded).hasSize(5);
    assertThat(outcomes)
        .filteredOn(outcome -> !outcome.succeeded())
        .singleElement()
        .satisfies(
            outcome ->
                assertThat(outcome.failure())
                    .isInstanceOfSatisfying(
                        ConnectionRuleViolated.class,
                        e -> assertThat(e.rule()).isEqualTo(Rule.COMPANY_FULL)));
    assertThat(db.auditTrail().of(new CompanyId("company-1")))
        .as("the refused transaction left nothing")
        .hasSize(5);
  }

  @Test
  void theSameBotToTwoLinesAtOnceConnectsOnce() throws Exception {
    Persistence otherInstance = anotherInstance();
    List<Concurrently.Outcome<Boolean>> outcomes =
        Concurrently.run(
            2,
            i ->
                () -> {
                  (i == 0 ? db : otherInstance)
                      .connections()
                      .insert(connection("company-" + i, "line-" + i, "3001"));
                  return true;
                });

    assertThat(outcomes).filteredOn(Concurrently.Outcome::succeeded).hasSize(1);
    assertThat(outcomes)
        .filteredOn(outcome -> !outcome.succeeded())
        .singleElement()
        .satisfies(
            outcome ->
                assertThat(outcome.failure())
                    .isInstanceOfSatisfying(
                        ConnectionRuleViolated.class,
                        e -> assertThat(e.rule()).isEqualTo(Rule.BOT_TAKEN)));
  }
}
