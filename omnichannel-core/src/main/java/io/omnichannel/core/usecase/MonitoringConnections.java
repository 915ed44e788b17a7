package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.AuditEntry;
import io.omnichannel.core.domain.AuditEntry.AuditAction;
import io.omnichannel.core.domain.ConfirmationToken;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionState;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.RandomTokens;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.failure.GatewayFailure;
import io.omnichannel.core.port.in.ConnectionMonitor;
import io.omnichannel.core.port.out.AuditTrail;
import io.omnichannel.core.port.out.ChannelHealth;
import io.omnichannel.core.port.out.ConnectionRepository;
import io.omnichannel.core.port.out.LineSetup;
import io.omnichannel.core.port.out.ManagementDesk;
import io.omnichannel.core.port.out.MessengerChannel;
import java.time.Clock;

/**
 * F5: the state the list shows comes from real checks — the messenger's view of the token and
 * webhook, and the company's tariff option. A check that cannot be made leaves the state as it was.
 */
public final class MonitoringConnections implements ConnectionMonitor {
  /** Audit entries of state changes are the system's, not a specialist's. */
  static final PlatformUserId SYSTEM = new PlatformUserId("system");

  private final MessengerChannel messenger;
  private final ManagementDesk desk;
  private final LineSetup platform;
  private final ConnectionRepository connections;
  private final AuditTrail audit;
  private final RandomTokens random;
  private final Clock clock;

  public MonitoringConnections(
      MessengerChannel messenger,
      ManagementDesk desk,
      LineSetup platform,
      ConnectionRepository connections,
      AuditTrail audit,
      RandomTokens random,
      Clock clock) {
    this.messenger = messenger;
    this.random = random;
    this.desk = desk;
    this.platform = platform;
    this.connections = connections;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public int refresh() {
    int changed = 0;
    for (Connection connection : connections.allActive()) {
      try {
        Connection current = restartIfStopped(connection);
        ConnectionState observed = observe(current);
        if (observed != connection.state()) {
          connections.update(current.withState(observed));
          audit.record(
              new AuditEntry(
                  clock.instant(),
                  connection.company(),
                  SYSTEM,
                  AuditAction.CONNECTION_STATE_CHANGED,
                  connection.bot().mention()
                      + " line "
                      + connection.line().id()
                      + ": "
                      + connection.state()
                      + " -> "
                      + observed));
          changed++;
        }
      } catch (GatewayFailure unavailable) {
        // not observable now: keep the last known state and look again next time
      }
    }
    return changed;
  }

  /**
   * A connection whose receiving failed to start (or whose token was revoked and is valid again)
   * gets receiving started anew, with a fresh webhook secret since only the old one's hash is kept.
   */
  private Connection restartIfStopped(Connection connection) {
    boolean stopped =
        connection.state() == ConnectionState.WEBHOOK_FAILING
            || connection.state() == ConnectionState.TOKEN_REVOKED;
    if (!stopped) {
      return connection;
    }
    Secret secret = Secret.of(random.token(32));
    Connection restarted =
        connection.withWebhookSecretHash(ConfirmationToken.hashOf(secret.reveal()));
    messenger.startReceiving(restarted.id(), restarted.botAccess(), secret);
    platform.subscribe(restarted.lineAccess());
    connections.update(restarted);
    return restarted;
  }

  private ConnectionState observe(Connection connection) {
    ChannelHealth health = messenger.probe(connection.botAccess());
    if (health == ChannelHealth.TOKEN_REVOKED) {
      return ConnectionState.TOKEN_REVOKED;
    }
    if (!desk.externalChannelsEnabled(connection.company())) {
      return ConnectionState.TARIFF_OPTION_OFF;
    }
    if (health == ChannelHealth.WEBHOOK_FAILING) {
      return ConnectionState.WEBHOOK_FAILING;
    }
    return connection.state() == ConnectionState.API_ACCOUNT_REJECTED
        ? connection.state()
        : ConnectionState.ACTIVE;
  }
}
