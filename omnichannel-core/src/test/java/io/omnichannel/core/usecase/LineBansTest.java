package io.omnichannel.core.usecase;

import static io.omnichannel.core.fakes.ChannelEvents.privateText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.DroppedMessage;
import io.omnichannel.core.domain.DroppedMessage.DropReason;
import io.omnichannel.core.domain.LineEvent.SubscriptionChanged;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.failure.PlatformRejected;
import io.omnichannel.core.fakes.CoreFixture;
import io.omnichannel.core.fakes.FakePlatform.Delivery;
import io.omnichannel.core.fakes.ForwardingAccounts;
import io.omnichannel.core.port.out.AccountRepository;
import io.omnichannel.core.port.out.DeliveryOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * F9 without a question per message: bans are learnt from the line's subscription events, and asked
 * for only on a refused delivery and by the periodic reconcile.
 */
class LineBansTest {
  private final CoreFixture f = new CoreFixture();
  private final Connection connection = f.connectedLine("Поддержка", "Shop Bot", "shop_bot");
  private int nextEvent = 1;

  private void write(String chat, String text) {
    f.relayToLine.relay(current(), privateText(chat, "Иван Петров", text), "telegram:" + next());
  }

  private void hear(SubscriptionChanged change) {
    f.relayToChannel.relay(current(), change, "platform:subscription:" + next());
  }

  private int next() {
    return nextEvent++;
  }

  private Connection current() {
    return f.connections.find(connection.id()).orElseThrow();
  }

  private ChannelAccount account(String chat) {
    return f.accounts.of(connection.id()).stream()
        .filter(a -> a.chat().value().equals(chat))
        .findFirst()
        .orElseThrow();
  }

  private SubscriptionChanged removed(ChannelAccount account) {
    return new SubscriptionChanged(
        connection.line().id(), account.platformUser(), true, Optional.empty());
  }

  private SubscriptionChanged added(ChannelAccount account) {
    return new SubscriptionChanged(
        connection.line().id(), account.platformUser(), false, Optional.empty());
  }

  private List<String> delivered() {
    return f.platform.deliveries().stream()
        .map(Delivery::post)
        .map(post -> ((LinePost.Text) post).text())
        .toList();
  }

  @Test
  void aRelayedMessageAsksNoBanQuestion() {
    write("501", "раз");
    write("501", "два");
    write("501", "три");

    assertThat(delivered()).containsExactly("раз", "два", "три");
    assertThat(f.platform.banReads()).as("no SOAP read per message").isZero();
  }

  @Test
  void aRemovedSubscriptionBansTheAccountAtOnce() {
    write("501", "до бана");
    ChannelAccount ivan = account("501");

    hear(removed(ivan));
    write("501", "после бана");

    assertThat(account("501").bannedSince()).contains(f.clock.instant());
    assertThat(delivered()).containsExactly("до бана");
    assertThat(f.logs.dropped())
        .extracting(DroppedMessage::reason)
        .containsExactly(DropReason.BANNED);
    assertThat(f.platform.banReads()).isZero();
  }

  @Test
  void aBanLearntWhereTheAccountWasStillSeenUnblockedKeepsTheBlockStoredMeanwhile() {
    write("501", "до бана");
    ChannelAccount seenBefore = account("501");
    f.accounts.markBlocked(seenBefore.id(), f.clock.instant());
    // another instance, whose account cache still holds the account from before the block
    AccountRepository staleView =
        new ForwardingAccounts(f.accounts) {
          @Override
          public Optional<ChannelAccount> findByPlatformUser(
              ConnectionId connection, PlatformUserId user) {
            return Optional.of(seenBefore);
          }
        };
    f.clock.advance(Duration.ofSeconds(1));

    new LineBans(f.platform, staleView, f.clock).learn(current(), removed(seenBefore));

    assertThat(account("501").isBanned()).isTrue();
    assertThat(account("501").blockedSince())
        .as("a second block would be a second notice")
        .contains(f.clock.instant().minusSeconds(1));
  }

  @Test
  void addingTheLineBackLiftsTheBan() {
    write("501", "до бана");
    ChannelAccount ivan = account("501");
    hear(removed(ivan));

    hear(added(ivan));
    write("501", "после разбана");

    assertThat(account("501").isBanned()).isFalse();
    assertThat(delivered()).containsExactly("до бана", "после разбана");
    assertThat(f.platform.banReads()).isZero();
  }

  @Test
  void theSameEventTwiceIsOneBan() {
    write("501", "привет");
    ChannelAccount ivan = account("501");
    Instant first = f.clock.instant();

    hear(removed(ivan));
    f.clock.advance(Duration.ofMinutes(5));
    hear(removed(ivan));

    assertThat(account("501").bannedSince()).contains(first);
  }

  @Test
  void aSubscriptionThatEndedBansAndOneThatRunsOnDoesNot() {
    write("501", "привет");
    ChannelAccount ivan = account("501");
    LineId line = connection.line().id();

    hear(
        new SubscriptionChanged(
            line, ivan.platformUser(), false, Optional.of(f.clock.instant().plusSeconds(3600))));
    assertThat(account("501").isBanned()).isFalse();

    hear(
        new SubscriptionChanged(
            line, ivan.platformUser(), false, Optional.of(f.clock.instant().minusSeconds(1))));
    assertThat(account("501").isBanned()).isTrue();
  }

  @Test
  void eventsOfAnotherLineOrAnUnknownUserChangeNothing() {
    write("501", "привет");
    ChannelAccount ivan = account("501");

    hear(
        new SubscriptionChanged(
            new LineId("another-line"), ivan.platformUser(), true, Optional.empty()));
    hear(
        new SubscriptionChanged(
            connection.line().id(), new PlatformUserId("stranger"), true, Optional.empty()));

    assertThat(account("501").isBanned()).isFalse();
  }

  @Test
  void aRefusedDeliveryReChecksOnceAndStoresTheBan() {
    write("501", "до бана");
    ChannelAccount ivan = account("501");
    f.platform.ban(ivan.platformUser(), connection.line().id()); // its event never arrived

    write("501", "отказано");
    write("501", "уже известно");

    assertThat(account("501").isBanned()).isTrue();
    assertThat(f.platform.banReads()).as("one SOAP read, at the refusal").isEqualTo(1);
    assertThat(delivered()).containsExactly("до бана");
    assertThat(f.logs.dropped())
        .extracting(DroppedMessage::reason)
        .containsExactly(DropReason.BANNED, DropReason.BANNED);
  }

  @Test
  void aNotASubscriberRefusalWithoutABanStaysAFailure() {
    write("501", "привет");
    f.platform.refuseNextDelivery(new DeliveryOutcome.NotASubscriber());

    assertThatThrownBy(() -> write("501", "снова"))
        .isInstanceOf(PlatformRejected.class)
        .hasMessageContaining("not a subscriber");

    assertThat(account("501").isBanned()).isFalse();
    assertThat(f.platform.banReads()).isEqualTo(1);
  }

  @Test
  void theReconcileCatchesBansAndUnbansWhoseEventsWereMissed() {
    write("501", "привет");
    ChannelAccount ivan = account("501");
    ReconcilingBans reconcile =
        new ReconcilingBans(
            f.connections, f.accounts, new LineBans(f.platform, f.accounts, f.clock), 10);

    f.platform.ban(ivan.platformUser(), connection.line().id());
    assertThat(reconcile.reconcile()).isEqualTo(1);
    assertThat(account("501").isBanned()).isTrue();

    f.platform.unban(ivan.platformUser(), connection.line().id());
    reconcile.reconcile();
    assertThat(account("501").isBanned()).isFalse();
  }

  @Test
  void theReconcileReadsAFewAccountsPerRunAndGoesOnWhereItStopped() {
    write("501", "раз");
    write("502", "два");
    write("503", "три");
    ReconcilingBans reconcile =
        new ReconcilingBans(
            f.connections, f.accounts, new LineBans(f.platform, f.accounts, f.clock), 2);
    f.platform.ban(account("501").platformUser(), connection.line().id());
    f.platform.ban(account("502").platformUser(), connection.line().id());
    f.platform.ban(account("503").platformUser(), connection.line().id());

    assertThat(reconcile.reconcile()).isEqualTo(2);
    assertThat(f.platform.banReads()).isEqualTo(2);
    assertThat(reconcile.reconcile()).isEqualTo(2);

    assertThat(List.of(account("501"), account("502"), account("503")))
        .allMatch(ChannelAccount::isBanned);
  }

  @Test
  void theReconcileSkipsAccountsWhileThePlatformIsDown() {
    write("501", "привет");
    ReconcilingBans reconcile =
        new ReconcilingBans(
            f.connections, f.accounts, new LineBans(f.platform, f.accounts, f.clock), 5);
    f.platform.unavailable(true);

    assertThat(reconcile.reconcile()).isZero();
    assertThat(account("501").isBanned()).isFalse();
  }
}
