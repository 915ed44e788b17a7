package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.AuditEntry;
import io.omnichannel.core.domain.AuditEntry.AuditAction;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionState;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.failure.GatewayFailure;
import io.omnichannel.core.port.in.ConnectionMonitor;
import io.omnichannel.core.port.out.AuditTrail;
import io.omnichannel.core.port.out.ChannelHealth;
import io.omnichannel.core.port.out.ConnectionRepository;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.core.port.out.SupportPlatform;
import java.time.Clock;

/**
 * F5: the state the list shows comes from real checks — the messenger's view of the token and webhook,
 * and the company's tariff option. A check that cannot be made leaves the state as it was.
 */
public final class MonitoringConnections implements ConnectionMonitor {
  /** Audit entries of state changes are the system's, not a specialist's. */
  static final PlatformUserId SYSTEM = new PlatformUserId("system");

  private final MessengerChannel messenger;
  private final SupportPlatform platform;
  private final ConnectionRepository connections;
  private final AuditTrail audit;
  private final Clock clock;

  public MonitoringConnections(MessengerChannel messenger, SupportPlatform platform, ConnectionRepository connections,
      AuditTrail audit, Clock clock) {
    this.messenger = messenger;
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
        ConnectionState observed = observe(connection);
        if (observed != connection.state()) {
          connections.update(connection.withState(observed));
          audit.record(new AuditEntry(clock.instant(), connection.company(), SYSTEM, AuditAction.CONNECTION_STATE_CHANGED,
              connection.bot().mention() + " line " + connection.line().id() + ": " + connection.state() + " -> " + observed));
          changed++;
        }
      } catch (GatewayFailure unavailable) {
        // not observable now: keep the last known state and look again next time
      }
    }
    return changed;
  }

  private ConnectionState observe(Connection connection) {
    ChannelHealth health = messenger.probe(connection);
    if (health == ChannelHealth.TOKEN_REVOKED) {
      return ConnectionState.TOKEN_REVOKED;
    }
    if (!platform.externalChannelsEnabled(connection.company())) {
      return ConnectionState.TARIFF_OPTION_OFF;
    }
    if (health == ChannelHealth.WEBHOOK_FAILING) {
      return ConnectionState.WEBHOOK_FAILING;
    }
    return connection.state() == ConnectionState.API_ACCOUNT_REJECTED ? connection.state() : ConnectionState.ACTIVE;
  }
}
