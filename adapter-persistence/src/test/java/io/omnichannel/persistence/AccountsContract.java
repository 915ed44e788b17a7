package io.omnichannel.persistence;

import static io.omnichannel.persistence.Fixtures.T0;
import static io.omnichannel.persistence.Fixtures.account;
import static io.omnichannel.persistence.Fixtures.topicAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.TopicId;
import io.omnichannel.core.domain.failure.ConnectionRuleViolated;
import io.omnichannel.core.domain.failure.ConnectionRuleViolated.Rule;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Channel accounts per (connection, chat, epoch), seen by every connection of the same bot in the
 * same company (#11); supergroup migration re-keys the chat (B8).
 */
abstract class AccountsContract extends DatabaseTest {
  private final Connection connection = Fixtures.connection("company-1", "line-1", "1001");

  AccountsContract(TestDatabase database) {
    super(database);
  }

  @BeforeEach
  void storeTheConnection() {
    db.connections().insert(connection);
  }

  /** The same bot of the same company connected again after {@link #connection} was dropped. */
  private Connection reconnected(String line) {
    db.connections().update(connection.disconnected(T0.plusSeconds(30)));
    Connection again = Fixtures.reconnected(connection, "conn-again-" + line, line);
    db.connections().insert(again);
    return again;
  }

  @Test
  void theLastActivityIsKeptToTheMinuteAndSeenByTheBotsOtherConnections() {
    ChannelAccount ivan = account("acc-1", connection, "501", 1);
    db.accounts().insert(ivan);
    ChannelAccount petr = account("acc-2", connection, "502", 1);
    db.accounts().insert(petr);
    assertThat(db.accounts().lastActivity(connection.id()))
        .as("an account is opened by its first contact")
        .isEqualTo(Map.of(ivan.id(), T0, petr.id(), T0));

    db.accounts().touch(ivan.id(), T0.plusSeconds(30));
    assertThat(db.accounts().lastActivity(connection.id()))
        .isEqualTo(Map.of(ivan.id(), T0, petr.id(), T0));

    db.accounts().touch(ivan.id(), T0.plusSeconds(61));
    assertThat(db.accounts().lastActivity(reconnected("line-2").id()))
        .isEqualTo(Map.of(ivan.id(), T0.plusSeconds(61), petr.id(), T0));
  }

  @Test
  void aChangeMadeHereIsSeenAtOnceByEveryLookupThatHadReadTheAccount() {
    ChannelAccount ivan = account("acc-1", connection, "42", 1);
    db.accounts().insert(ivan);
    ChatId chat = new ChatId("42");
    assertThat(db.accounts().find(ivan.id())).contains(ivan);
    assertThat(db.accounts().findOpen(connection.id(), chat, Optional.empty())).contains(ivan);
    assertThat(db.accounts().findByPlatformUser(connection.id(), ivan.platformUser()))
        .contains(ivan);

    ChannelAccount left = ivan.leftAt(T0);
    db.transactions().run(() -> db.accounts().update(left));

    assertThat(db.accounts().find(ivan.id())).contains(left);
    assertThat(db.accounts().findOpen(connection.id(), chat, Optional.empty())).isEmpty();
    assertThat(db.accounts().findByPlatformUser(connection.id(), ivan.platformUser()))
        .contains(left);
  }

  @Test
  void aBlockOrALeaveIsSetOnceAndAnInstanceWithAStaleCacheGetsTheFirstTimeBack() {
    ChannelAccount ivan = account("acc-1", connection, "42", 1);
    db.accounts().insert(ivan);
    Persistence other = anotherInstance();
    assertThat(other.accounts().find(ivan.id())).contains(ivan);

    assertThat(db.accounts().markBlocked(ivan.id(), T0.plusSeconds(1)).blockedSince())
        .contains(T0.plusSeconds(1));
    assertThat(other.accounts().find(ivan.id()))
        .as("the other instance's cache still shows the user unblocked")
        .contains(ivan);
    assertThat(other.accounts().markBlocked(ivan.id(), T0.plusSeconds(2)).blockedSince())
        .contains(T0.plusSeconds(1));
    assertThat(other.accounts().markLeft(ivan.id(), T0.plusSeconds(3)).leftAt())
        .contains(T0.plusSeconds(3));
    assertThat(db.accounts().markLeft(ivan.id(), T0.plusSeconds(4)))
        .isEqualTo(ivan.blockedAt(T0.plusSeconds(1)).leftAt(T0.plusSeconds(3)));
  }

  @Test
  void aBanOrItsEndWrittenFromAStaleViewLeavesTheBlockAnotherInstanceStored() {
    ChannelAccount ivan = account("acc-1", connection, "42", 1);
    db.accounts().insert(ivan);
    Persistence other = anotherInstance();
    assertThat(other.accounts().find(ivan.id())).contains(ivan);
    db.accounts().markBlocked(ivan.id(), T0.plusSeconds(1));

    assertThat(other.accounts().markBanned(ivan.id(), T0.plusSeconds(2)))
        .isEqualTo(ivan.blockedAt(T0.plusSeconds(1)).bannedAt(T0.plusSeconds(2)));
    other.accounts().clearBan(ivan.id());
    assertThat(db.accounts().find(ivan.id())).contains(ivan.blockedAt(T0.plusSeconds(1)));
    db.accounts().clearBlock(ivan.id());
    assertThat(db.accounts().find(ivan.id())).contains(ivan);
  }

  @Test
  void theNewEpochOfAChatIsFoundAtOnceWhereTheOneTheBotLeftWasRead() {
    ChannelAccount first = account("acc-1", connection, "42", 1);
    db.accounts().insert(first);
    db.accounts().update(first.leftAt(T0));
    ChatId chat = new ChatId("42");
    assertThat(db.accounts().findOpen(connection.id(), chat, Optional.empty())).isEmpty();
    db.accounts().insert(account("acc-9", connection, "43", 1)); // another chat's first contact
    assertThat(db.accounts().findOpen(connection.id(), chat, Optional.empty())).isEmpty();

    ChannelAccount second = account("acc-2", connection, "42", 2);
    db.accounts().insert(second);

    assertThat(db.accounts().findOpen(connection.id(), chat, Optional.empty())).contains(second);
  }

  @Test
  void aReconnectedBotSeesItsAccountsAndAdoptsThem() {
    ChannelAccount ivan = account("acc-1", connection, "42", 1);
    db.accounts().insert(ivan);
    Connection again = reconnected("line-2");

    assertThat(db.accounts().findOpen(again.id(), new ChatId("42"), Optional.empty()))
        .contains(ivan);
    assertThat(db.accounts().lastEpoch(again.id(), new ChatId("42"), Optional.empty()))
        .isEqualTo(1);
    assertThat(db.accounts().findByPlatformUser(again.id(), ivan.platformUser())).contains(ivan);
    assertThat(db.accounts().of(again.id())).containsExactly(ivan);

    db.accounts().update(ivan.adoptedBy(again.id()));

    assertThat(db.accounts().find(ivan.id()).orElseThrow().connection()).isEqualTo(again.id());
    assertThat(db.accounts().of(connection.id())).containsExactly(ivan.adoptedBy(again.id()));
  }

  @Test
  void theSameBotOfAnotherCompanySeesNoneOfThem() {
    db.accounts().insert(account("acc-1", connection, "42", 1));
    db.connections().update(connection.disconnected(T0.plusSeconds(30)));
    Connection foreign = Fixtures.connection("company-2", "line-9", "1001");
    db.connections().insert(foreign);

    assertThat(db.accounts().findOpen(foreign.id(), new ChatId("42"), Optional.empty())).isEmpty();
    assertThat(db.accounts().lastEpoch(foreign.id(), new ChatId("42"), Optional.empty())).isZero();
    assertThat(db.accounts().of(foreign.id())).isEmpty();
    assertThat(
            db.connections()
                .ofBot(connection.company(), connection.channel(), connection.bot().id()))
        .extracting(Connection::id)
        .containsExactly(connection.id());
  }

  @Test
  void theNewestAccountOfAChatWinsAndAClosedOneIsNotOpen() {
    ChannelAccount left = account("acc-1", connection, "-100", 1).leftAt(T0.plusSeconds(5));
    db.accounts().insert(left);
    Connection again = reconnected("line-1b");

    assertThat(db.accounts().findOpen(again.id(), new ChatId("-100"), Optional.empty())).isEmpty();
    assertThat(db.accounts().lastEpoch(again.id(), new ChatId("-100"), Optional.empty()))
        .isEqualTo(1);
    assertThat(
            db.connections()
                .ofBot(connection.company(), connection.channel(), connection.bot().id()))
        .extracting(Connection::id)
        .containsExactly(again.id(), connection.id());
  }

  @Test
  void storesAnAccountWithItsEmojiNameAndFindsIt() {
    ChannelAccount stored = account("acc-1", connection, "42", 1);

    db.accounts().insert(stored);

    assertThat(db.accounts().find(new AccountId("acc-1"))).contains(stored);
    assertThat(db.accounts().findOpen(connection.id(), new ChatId("42"), Optional.empty()))
        .contains(stored);
    assertThat(db.accounts().findByPlatformUser(connection.id(), new PlatformUserId("user-acc-1")))
        .contains(stored);
    assertThat(db.accounts().find(new AccountId("nope"))).isEmpty();
  }

  @Test
  void refusesASecondAccountOfOneEpoch() {
    db.accounts().insert(account("acc-1", connection, "42", 1));

    assertThatThrownBy(() -> db.accounts().insert(account("acc-2", connection, "42", 1)))
        .isInstanceOfSatisfying(
            ConnectionRuleViolated.class, e -> assertThat(e.rule()).isEqualTo(Rule.ACCOUNT_EXISTS));
  }

  @Test
  void aNewEpochOpensANewAccountAfterTheBotLeft() {
    ChannelAccount first = account("acc-1", connection, "-100", 1);
    db.accounts().insert(first);
    db.accounts().update(first.leftAt(T0.plusSeconds(5)));

    assertThat(db.accounts().findOpen(connection.id(), new ChatId("-100"), Optional.empty()))
        .isEmpty();
    assertThat(db.accounts().lastEpoch(connection.id(), new ChatId("-100"), Optional.empty()))
        .isEqualTo(1);
    ChannelAccount second = account("acc-2", connection, "-100", 2);
    db.accounts().insert(second);

    assertThat(db.accounts().findOpen(connection.id(), new ChatId("-100"), Optional.empty()))
        .contains(second);
    assertThat(db.accounts().lastEpoch(connection.id(), new ChatId("-100"), Optional.empty()))
        .isEqualTo(2);
    assertThat(db.accounts().lastEpoch(connection.id(), new ChatId("-999"), Optional.empty()))
        .isZero();
  }

  @Test
  void keepsWhenTheUserBlockedTheBot() {
    ChannelAccount stored = account("acc-1", connection, "42", 1);
    db.accounts().insert(stored);

    db.accounts().update(stored.blockedAt(T0.plusSeconds(7)));

    assertThat(db.accounts().find(stored.id()).orElseThrow().blockedSince())
        .contains(T0.plusSeconds(7));
    db.accounts().update(stored.blockedAt(T0.plusSeconds(7)).unblocked());
    assertThat(db.accounts().find(stored.id()).orElseThrow().isBlocked()).isFalse();
  }

  @Test
  void keepsTheBanStateLearntFrom1cConnect() {
    ChannelAccount stored = account("acc-1", connection, "42", 1);
    db.accounts().insert(stored.bannedAt(T0.plusSeconds(3)));

    assertThat(db.accounts().find(stored.id()).orElseThrow().bannedSince())
        .contains(T0.plusSeconds(3));
    db.accounts().update(stored.unbanned());
    assertThat(db.accounts().find(stored.id()).orElseThrow().isBanned()).isFalse();
    db.accounts().update(stored.bannedAt(T0.plusSeconds(9)));
    assertThat(db.accounts().findByPlatformUser(connection.id(), stored.platformUser()))
        .hasValueSatisfying(found -> assertThat(found.bannedSince()).contains(T0.plusSeconds(9)));
  }

  @Test
  void aMigratedGroupKeepsItsAccountsUnderTheNewChatId() {
    db.accounts().insert(account("acc-1", connection, "-100", 1));
    db.accounts().insert(account("acc-other", connection, "77", 1));

    db.accounts().moveChat(connection.id(), new ChatId("-100"), new ChatId("-1001234"));

    assertThat(
            db.accounts()
                .findOpen(connection.id(), new ChatId("-1001234"), Optional.empty())
                .orElseThrow()
                .id()
                .value())
        .isEqualTo("acc-1");
    assertThat(db.accounts().findOpen(connection.id(), new ChatId("-100"), Optional.empty()))
        .isEmpty();
    assertThat(db.accounts().findOpen(connection.id(), new ChatId("77"), Optional.empty()))
        .isPresent();
  }

  @Test
  void eachTopicOfAChatHasItsOwnAccountAndEpochsBesideTheChatsOwn() {
    ChannelAccount general = account("acc-general", connection, "-100", 1);
    ChannelAccount delivery = topicAccount("acc-delivery", connection, "-100", "10", 1);
    ChannelAccount payment = topicAccount("acc-payment", connection, "-100", "20", 1);
    db.accounts().insert(general);
    db.accounts().insert(delivery);
    db.accounts().insert(payment);
    Optional<TopicId> ten = Optional.of(new TopicId("10"));

    assertThat(db.accounts().find(delivery.id())).contains(delivery);
    assertThat(db.accounts().findOpen(connection.id(), new ChatId("-100"), Optional.empty()))
        .contains(general);
    assertThat(db.accounts().findOpen(connection.id(), new ChatId("-100"), ten)).contains(delivery);
    assertThat(
            db.accounts()
                .findOpen(connection.id(), new ChatId("-100"), Optional.of(new TopicId("30"))))
        .isEmpty();
    assertThat(db.accounts().openIn(connection.id(), new ChatId("-100")))
        .containsExactlyInAnyOrder(general, delivery, payment);

    db.accounts().update(delivery.leftAt(T0.plusSeconds(5)));
    ChannelAccount again = topicAccount("acc-delivery-2", connection, "-100", "10", 2);
    db.accounts().insert(again);

    assertThat(db.accounts().lastEpoch(connection.id(), new ChatId("-100"), ten)).isEqualTo(2);
    assertThat(db.accounts().lastEpoch(connection.id(), new ChatId("-100"), Optional.empty()))
        .isEqualTo(1);
    assertThat(db.accounts().findOpen(connection.id(), new ChatId("-100"), ten)).contains(again);
    assertThat(db.accounts().openIn(connection.id(), new ChatId("-100")))
        .containsExactlyInAnyOrder(general, again, payment);
  }

  @Test
  void refusesASecondAccountOfOneTopicInOneEpoch() {
    db.accounts().insert(topicAccount("acc-1", connection, "-100", "10", 1));

    assertThatThrownBy(
            () -> db.accounts().insert(topicAccount("acc-2", connection, "-100", "10", 1)))
        .isInstanceOfSatisfying(
            ConnectionRuleViolated.class, e -> assertThat(e.rule()).isEqualTo(Rule.ACCOUNT_EXISTS));
  }

  @Test
  void listsTheConnectionsAccountsNewestFirst() {
    ChannelAccount older = account("acc-1", connection, "1", 1);
    ChannelAccount newer =
        ChannelAccount.opened(
            new AccountId("acc-2"),
            connection.id(),
            new ChatId("2"),
            older.kind(),
            1,
            "Пётр",
            java.util.Optional.empty(),
            new PlatformUserId("user-2"),
            T0.plusSeconds(60));
    db.accounts().insert(older);
    db.accounts().insert(newer);
    db.accounts()
        .insert(account("acc-3", Fixtures.connection("company-1", "line-2", "1002"), "3", 1));
    db.connections().insert(Fixtures.connection("company-1", "line-2", "1002"));

    assertThat(db.accounts().of(connection.id())).containsExactly(newer, older);
  }

  @Test
  void updatingAnUnknownAccountFails() {
    assertThatThrownBy(() -> db.accounts().update(account("acc-1", connection, "42", 1)))
        .isInstanceOf(IllegalStateException.class);
  }
}
