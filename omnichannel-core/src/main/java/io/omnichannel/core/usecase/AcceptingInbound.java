package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.ConfirmationToken;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.HookCredentials;
import io.omnichannel.core.domain.InboundKind;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.port.in.Admission;
import io.omnichannel.core.port.in.InboundGateway;
import io.omnichannel.core.port.in.RawEvent;
import io.omnichannel.core.port.out.ConnectionRepository;
import io.omnichannel.core.port.out.EventInbox;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks who is calling (before the adapter reads the body), then stores the event before anything
 * else happens to it (B1). The event id names the source event, so a redelivery (a messenger
 * retrying a webhook) finds its row and stores nothing.
 */
public final class AcceptingInbound implements InboundGateway {
  private final ConnectionRepository connections;
  private final EventInbox inbox;
  private final HookCredentials managementHook;
  private final Clock clock;

  public AcceptingInbound(
      ConnectionRepository connections,
      EventInbox inbox,
      HookCredentials managementHook,
      Clock clock) {
    this.connections = connections;
    this.inbox = inbox;
    this.managementHook = managementHook;
    this.clock = clock;
  }

  @Override
  public Admission admitWebhookUpdate(ConnectionId id, String presentedSecret) {
    return admit(
        id,
        InboundKind.CHANNEL_UPDATE,
        connection ->
            presentedSecret != null
                && MessageDigest.isEqual(
                    connection.webhookSecretHash().getBytes(StandardCharsets.UTF_8),
                    ConfirmationToken.hashOf(presentedSecret).getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public Acceptance acceptPolledUpdate(ConnectionId id, RawEvent update) {
    return admit(id, InboundKind.CHANNEL_UPDATE, connection -> true).accept(update);
  }

  @Override
  public Admission admitLineEvent(ConnectionId id, String login, String password) {
    return admit(
        id,
        InboundKind.LINE_EVENT,
        connection -> connection.hookCredentials().matches(login, password));
  }

  @Override
  public Admission admitManagementEvent(String login, String password) {
    if (!managementHook.matches(login, password)) {
      return new Admission.Answered(Acceptance.UNAUTHORIZED);
    }
    Admission.Admitted admitted =
        event ->
            store(
                new InboundRecord(
                    InboundKind.MANAGEMENT_EVENT,
                    Optional.empty(),
                    "platform:" + event.sourceId(),
                    "management/" + event.chatKey(),
                    event.payload(),
                    clock.instant()));
    return admitted;
  }

  private interface Check {
    boolean authorizes(Connection connection);
  }

  /** One lookup of the connection; the event, read afterwards, is stored against it. */
  private Admission admit(ConnectionId id, InboundKind kind, Check check) {
    if (!id.fitsTheStore()) {
      return new Admission.Answered(Acceptance.INVALID);
    }
    Optional<Connection> found = connections.find(id);
    if (found.isEmpty()) {
      return new Admission.Answered(Acceptance.UNKNOWN_CONNECTION);
    }
    Connection connection = found.get();
    if (!check.authorizes(connection)) {
      return new Admission.Answered(Acceptance.UNAUTHORIZED);
    }
    if (!connection.isActive()) {
      return new Admission.Answered(Acceptance.DISCONNECTED);
    }
    Admission.Admitted admitted =
        event ->
            store(
                new InboundRecord(
                    kind,
                    Optional.of(connection.id()),
                    eventId(kind, connection, event),
                    connection.id().value() + "/" + event.chatKey(),
                    event.payload(),
                    clock.instant()));
    return admitted;
  }

  /** An id longer than the store holds can never be stored: said so, instead of failing there. */
  private Acceptance store(InboundRecord record) {
    if (!record.fitsTheStore()) {
      return Acceptance.INVALID;
    }
    return inbox.store(record) ? Acceptance.STORED : Acceptance.DUPLICATE;
  }

  /**
   * Messenger update ids count per bot ("telegram:<bot id>:<update_id>"), so a reconnected bot's
   * redelivery is still a duplicate; platform message ids are unique on their own
   * ("platform:<message_id>").
   */
  private static String eventId(InboundKind kind, Connection connection, RawEvent event) {
    if (kind == InboundKind.CHANNEL_UPDATE) {
      return connection.channel().displayName().toLowerCase(Locale.ROOT)
          + ":"
          + connection.bot().id()
          + ":"
          + event.sourceId();
    }
    return "platform:" + event.sourceId();
  }
}
