package io.omnichannel.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.AuditEntry;
import io.omnichannel.core.domain.AuditEntry.AuditAction;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionState;
import io.omnichannel.core.fakes.CoreFixture;
import io.omnichannel.core.port.out.ChannelHealth;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitoringConnectionsTest {
  private final CoreFixture f = new CoreFixture();
  private final Connection connection = f.connectedLine("Поддержка", "Shop Bot", "shop_bot");

  private ConnectionState state() {
    return f.connections.find(connection.id()).orElseThrow().state();
  }

  private List<AuditEntry> stateChanges() {
    return f.logs.audit().stream()
        .filter(entry -> entry.action() == AuditAction.CONNECTION_STATE_CHANGED)
        .toList();
  }

  @Test
  void aHealthyConnectionStaysActiveAndNothingIsAudited() {
    assertThat(f.monitoring.refresh()).isZero();

    assertThat(state()).isEqualTo(ConnectionState.ACTIVE);
    assertThat(stateChanges()).isEmpty();
  }

  @Test
  void aRevokedTokenIsReportedAsTokenRevoked() {
    f.messenger.health(connection.bot().id(), ChannelHealth.TOKEN_REVOKED);

    assertThat(f.monitoring.refresh()).isEqualTo(1);

    assertThat(state()).isEqualTo(ConnectionState.TOKEN_REVOKED);
  }

  @Test
  void reportsAFailingWebhookAsConnectionState() {
    f.messenger.health(connection.bot().id(), ChannelHealth.WEBHOOK_FAILING);

    f.monitoring.refresh();

    assertThat(state()).isEqualTo(ConnectionState.WEBHOOK_FAILING);
  }

  @Test
  void aTariffOptionSwitchedOffIsReported() {
    f.platform.switchExternalChannels(f.company, false);

    f.monitoring.refresh();

    assertThat(state()).isEqualTo(ConnectionState.TARIFF_OPTION_OFF);
  }

  @Test
  void aRecoveredConnectionIsActiveAgain() {
    f.messenger.health(connection.bot().id(), ChannelHealth.WEBHOOK_FAILING);
    f.monitoring.refresh();

    f.messenger.health(connection.bot().id(), ChannelHealth.HEALTHY);
    assertThat(f.monitoring.refresh()).isEqualTo(1);

    assertThat(state()).isEqualTo(ConnectionState.ACTIVE);
  }

  @Test
  void aTariffOptionSwitchedBackOnMakesTheConnectionActiveAgain() {
    f.platform.switchExternalChannels(f.company, false);
    f.monitoring.refresh();

    f.platform.switchExternalChannels(f.company, true);
    f.monitoring.refresh();

    assertThat(state()).isEqualTo(ConnectionState.ACTIVE);
  }

  @Test
  void anUnreachableMessengerLeavesTheStateAsItWas() {
    f.messenger.health(connection.bot().id(), ChannelHealth.WEBHOOK_FAILING);
    f.monitoring.refresh();
    f.messenger.health(connection.bot().id(), ChannelHealth.HEALTHY);
    f.messenger.unavailable(true);

    assertThat(f.monitoring.refresh()).isZero();

    assertThat(state()).isEqualTo(ConnectionState.WEBHOOK_FAILING);
    assertThat(stateChanges()).hasSize(1);
  }

  @Test
  void anUnreachablePlatformLeavesTheStateAsItWas() {
    f.platform.unavailable(true);

    assertThat(f.monitoring.refresh()).isZero();

    assertThat(state()).isEqualTo(ConnectionState.ACTIVE);
  }

  @Test
  void eachChangeIsAuditedOnceWithBothStates() {
    f.messenger.health(connection.bot().id(), ChannelHealth.TOKEN_REVOKED);

    f.monitoring.refresh();
    f.monitoring.refresh();
    f.monitoring.refresh();

    assertThat(stateChanges())
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.company()).isEqualTo(f.company);
              assertThat(entry.at()).isEqualTo(f.clock.instant());
              assertThat(entry.details()).contains("@shop_bot").contains("ACTIVE -> TOKEN_REVOKED");
            });

    f.messenger.health(connection.bot().id(), ChannelHealth.HEALTHY);
    f.monitoring.refresh();
    assertThat(stateChanges()).hasSize(2);
    assertThat(stateChanges().get(1).details()).contains("TOKEN_REVOKED -> ACTIVE");
  }

  @Test
  void oneFailingConnectionDoesNotHideTheOthers() {
    Connection other = f.connectedLine("Продажи", "Sales Bot", "sales_bot");
    f.messenger.health(connection.bot().id(), ChannelHealth.TOKEN_REVOKED);
    f.messenger.health(other.bot().id(), ChannelHealth.WEBHOOK_FAILING);

    assertThat(f.monitoring.refresh()).isEqualTo(2);

    assertThat(state()).isEqualTo(ConnectionState.TOKEN_REVOKED);
    assertThat(f.connections.find(other.id()).orElseThrow().state())
        .isEqualTo(ConnectionState.WEBHOOK_FAILING);
  }

  @Test
  void aDisconnectedConnectionIsNotProbed() {
    f.connections.update(connection.disconnected(f.clock.instant()));
    f.messenger.health(connection.bot().id(), ChannelHealth.TOKEN_REVOKED);

    assertThat(f.monitoring.refresh()).isZero();

    assertThat(state()).isEqualTo(ConnectionState.DISCONNECTED);
  }

  @Test
  void receivingThatFailedToStartIsStartedAgainWithAFreshWebhookSecret() {
    f.messenger.failNextStartReceiving(
        new io.omnichannel.core.domain.failure.ChannelUnavailable("down"));
    var outcome =
        (io.omnichannel.core.port.in.ConfirmationOutcome.Connected)
            f.confirming.submit(
                f.connectLink(
                    f.platform.line(f.company, "Вторая"), f.messenger.bot("Second", "second_bot")),
                f.platform.apiAccount(
                    "api-second", "pw", f.company, f.platform.linesOf(f.company).get(1)));
    Connection failed = outcome.connection();
    assertThat(failed.state()).isEqualTo(ConnectionState.WEBHOOK_FAILING);
    assertThat(f.messenger.isReceiving(failed.id())).isFalse();

    f.monitoring.refresh();

    Connection restarted = f.connections.find(failed.id()).orElseThrow();
    assertThat(restarted.state()).isEqualTo(ConnectionState.ACTIVE);
    assertThat(f.messenger.isReceiving(failed.id())).isTrue();
    assertThat(restarted.webhookSecretHash())
        .isNotEqualTo(failed.webhookSecretHash())
        .isEqualTo(
            io.omnichannel.core.domain.ConfirmationToken.hashOf(
                f.messenger.webhookSecret(failed.id()).reveal()));
    assertThat(f.platform.isSubscribed(restarted)).isTrue();
  }

  @Test
  void aRestartThatFailsAgainKeepsTheFailingState() {
    f.connections.update(connection.withState(ConnectionState.WEBHOOK_FAILING));
    f.messenger.failNextStartReceiving(
        new io.omnichannel.core.domain.failure.ChannelUnavailable("still down"));

    f.monitoring.refresh();

    assertThat(state()).isEqualTo(ConnectionState.WEBHOOK_FAILING);
  }
}
