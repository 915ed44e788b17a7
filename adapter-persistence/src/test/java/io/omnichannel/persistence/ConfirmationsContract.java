package io.omnichannel.persistence;

import static io.omnichannel.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.Confirmation;
import io.omnichannel.core.domain.ConfirmationToken;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.PendingAction;
import io.omnichannel.core.domain.PlatformUserId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One-time confirmations: hash only, the bot token sealed, consumed exactly once (F2, F4). */
abstract class ConfirmationsContract extends DatabaseTest {
  private final Connection connection = Fixtures.connection("company-1", "line-1", "1001");
  private final PlatformUserId anna = new PlatformUserId("specialist-anna");

  ConfirmationsContract(TestDatabase database) {
    super(database);
  }

  private Confirmation connectConfirmation(String token) {
    return Confirmation.issue(
        ConfirmationToken.presented(token),
        new CompanyId("company-1"),
        anna,
        new PendingAction.Connect(
            connection.channel(), connection.line(), connection.bot(), connection.token()),
        T0);
  }

  @Test
  void storesAConnectRequestWithItsTokenSealed() throws Exception {
    Confirmation stored = connectConfirmation("link-token-1");

    db.confirmations().save(stored);

    assertThat(db.confirmations().find(stored.tokenHash())).contains(stored);
    String row = RawRows.dump(database, "SELECT * FROM confirmations");
    assertThat(row).contains(stored.tokenHash(), "bot1001_bot");
    assertThat(row).doesNotContain("TOKENSECRET", "link-token-1");
  }

  @Test
  void storesADisconnectRequest() {
    Confirmation stored =
        Confirmation.issue(
            ConfirmationToken.presented("link-token-2"),
            new CompanyId("company-1"),
            anna,
            new PendingAction.Disconnect(
                new ChannelKind("MAX"), connection.id(), connection.line(), connection.bot()),
            T0);

    db.confirmations().save(stored);

    assertThat(db.confirmations().find(stored.tokenHash())).contains(stored);
  }

  @Test
  void consumesOnceAndNeverAfterExpiry() {
    Confirmation fresh = connectConfirmation("link-token-1");
    Confirmation late = connectConfirmation("link-token-2");
    db.confirmations().save(fresh);
    db.confirmations().save(late);

    assertThat(db.confirmations().consume(fresh.tokenHash(), T0.plusSeconds(60))).isTrue();
    assertThat(db.confirmations().consume(fresh.tokenHash(), T0.plusSeconds(61))).isFalse();
    assertThat(db.confirmations().find(fresh.tokenHash()).orElseThrow().usedAt())
        .contains(T0.plusSeconds(60));
    assertThat(db.confirmations().consume(late.tokenHash(), late.expiresAt())).isFalse();
    assertThat(db.confirmations().consume("f".repeat(64), T0)).isFalse();
  }

  @Test
  void simultaneousConsumesLetExactlyOneThrough() throws Exception {
    Confirmation stored = connectConfirmation("link-token-1");
    db.confirmations().save(stored);
    Persistence otherInstance = anotherInstance();

    List<Concurrently.Outcome<Boolean>> outcomes =
        Concurrently.run(
            4,
            i ->
                () ->
                    (i % 2 == 0 ? db : otherInstance)
                        .confirmations()
                        .consume(stored.tokenHash(), T0.plusSeconds(1)));

    assertThat(outcomes)
        .extracting(Concurrently.Outcome::value)
        .containsOnlyOnce(true)
        .contains(false);
  }

  @Test
  void withdrawsTheSpecialistsUnusedConfirmations() {
    db.confirmations().save(connectConfirmation("a"));
    db.confirmations().save(connectConfirmation("b"));
    Confirmation used = connectConfirmation("c");
    db.confirmations().save(used);
    db.confirmations().consume(used.tokenHash(), T0.plusSeconds(1));

    assertThat(db.confirmations().withdrawUnused(anna, T0.plus(Duration.ofMinutes(1))))
        .isEqualTo(2);
    assertThat(db.confirmations().consume(connectConfirmation("a").tokenHash(), T0.plusSeconds(90)))
        .isFalse();
  }

  @Test
  void concurrentAttemptsNeverGetPastTheLimitAndAGivenBackOneCanBeTakenAgain() throws Exception {
    Confirmation stored = connectConfirmation("link-token-1");
    db.confirmations().save(stored);
    Persistence otherInstance = anotherInstance();

    List<Concurrently.Outcome<Integer>> outcomes =
        Concurrently.run(
            12,
            i ->
                () ->
                    (i % 2 == 0 ? db : otherInstance)
                        .confirmations()
                        .takeAttempt(stored.tokenHash(), 5));

    assertThat(outcomes)
        .extracting(Concurrently.Outcome::value)
        .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 0, 0, 0, 0, 0, 0, 0);
    db.confirmations().giveBackAttempt(stored.tokenHash());
    db.confirmations().save(stored); // a save keeps the count
    assertThat(db.confirmations().takeAttempt(stored.tokenHash(), 5)).isEqualTo(5);
    assertThat(db.confirmations().takeAttempt(stored.tokenHash(), 5)).isZero();
  }

  @Test
  void aUsedLinkHasNoAttemptLeft() {
    Confirmation stored = connectConfirmation("link-token-1");
    db.confirmations().save(stored);
    assertThat(db.confirmations().takeAttempt(stored.tokenHash(), 5)).isEqualTo(1);

    db.confirmations().consume(stored.tokenHash(), T0.plusSeconds(1));

    assertThat(db.confirmations().takeAttempt(stored.tokenHash(), 5)).isZero();
    assertThat(db.confirmations().takeAttempt("0".repeat(64), 5)).isZero();
  }
}
