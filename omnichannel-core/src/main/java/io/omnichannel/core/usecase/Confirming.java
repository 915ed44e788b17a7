package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.AuditEntry;
import io.omnichannel.core.domain.AuditEntry.AuditAction;
import io.omnichannel.core.domain.ChannelCatalog;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.ChannelLimits;
import io.omnichannel.core.domain.Confirmation;
import io.omnichannel.core.domain.ConfirmationToken;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.ConnectionState;
import io.omnichannel.core.domain.HookCredentials;
import io.omnichannel.core.domain.PendingAction;
import io.omnichannel.core.domain.RandomTokens;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.TechnicalClient;
import io.omnichannel.core.domain.TechnicalClientId;
import io.omnichannel.core.domain.WizardPurpose;
import io.omnichannel.core.domain.failure.ConnectionRuleViolated;
import io.omnichannel.core.domain.failure.GatewayFailure;
import io.omnichannel.core.domain.failure.InvalidBotToken;
import io.omnichannel.core.port.in.ConfirmationOutcome;
import io.omnichannel.core.port.in.ConfirmationOutcome.Refusal;
import io.omnichannel.core.port.in.ConfirmationPage;
import io.omnichannel.core.port.in.ConfirmationView;
import io.omnichannel.core.port.out.ApiAccountVerification;
import io.omnichannel.core.port.out.AuditTrail;
import io.omnichannel.core.port.out.ConfirmationRepository;
import io.omnichannel.core.port.out.ConnectionRepository;
import io.omnichannel.core.port.out.LineSetup;
import io.omnichannel.core.port.out.ManagementDesk;
import io.omnichannel.core.port.out.MessengerChannel;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The confirmation form (F2 step 3-4, F4): the API account is verified, then the bot is connected
 * or disconnected and the specialist's chat is told. A refusal uses nothing up, so the form can be
 * sent again, except that an API account 1C-Connect does not accept takes one of the link's {@link
 * Confirmation#MAX_FAILED_ATTEMPTS} attempts: the form is no way to guess passwords.
 */
public final class Confirming implements ConfirmationPage {
  private final ManagementDesk desk;
  private final LineSetup platform;
  private final MessengerChannel messenger;
  private final ChannelCatalog channels;
  private final ConnectionRepository connections;
  private final ConfirmationRepository confirmations;
  private final ManagementAnnouncer announcer;
  private final AuditTrail audit;
  private final RandomTokens random;
  private final Clock clock;

  /**
   * @param messenger every messenger of the deployment, each connection's reached by its channel
   * @param channels how each messenger describes itself
   */
  public Confirming(
      ManagementDesk desk,
      LineSetup platform,
      MessengerChannel messenger,
      ChannelCatalog channels,
      ConnectionRepository connections,
      ConfirmationRepository confirmations,
      ManagementAnnouncer announcer,
      AuditTrail audit,
      RandomTokens random,
      Clock clock) {
    this.desk = desk;
    this.platform = platform;
    this.messenger = messenger;
    this.channels = channels;
    this.connections = connections;
    this.confirmations = confirmations;
    this.announcer = announcer;
    this.audit = audit;
    this.random = random;
    this.clock = clock;
  }

  private DialogTexts texts(ChannelKind channel) {
    return new DialogTexts(channels.describe(channel));
  }

  @Override
  public ConfirmationView view(String presentedToken) {
    Optional<Confirmation> found =
        confirmations.find(ConfirmationToken.presented(presentedToken).hash());
    if (found.isEmpty()) {
      return new ConfirmationView.Unknown();
    }
    Confirmation confirmation = found.get();
    if (confirmation.isUsed()) {
      return new ConfirmationView.Used();
    }
    if (confirmation.isExpiredAt(clock.instant())) {
      return new ConfirmationView.Expired();
    }
    PendingAction action = confirmation.action();
    WizardPurpose purpose =
        action instanceof PendingAction.Connect ? WizardPurpose.CONNECT : WizardPurpose.DISCONNECT;
    return new ConfirmationView.Pending(
        action.channel(), purpose, action.line(), action.bot(), confirmation.expiresAt());
  }

  @Override
  public ConfirmationOutcome submit(String presentedToken, ApiAccount account) {
    Optional<Confirmation> found =
        confirmations.find(ConfirmationToken.presented(presentedToken).hash());
    if (found.isEmpty()) {
      return refused(Refusal.UNKNOWN_LINK);
    }
    Confirmation confirmation = found.get();
    if (confirmation.isUsed()) {
      return refused(Refusal.ALREADY_USED);
    }
    if (confirmation.isExpiredAt(clock.instant())) {
      return refused(Refusal.EXPIRED);
    }
    int attempt =
        confirmations.takeAttempt(confirmation.tokenHash(), Confirmation.MAX_FAILED_ATTEMPTS);
    if (attempt == 0) {
      return refused(Refusal.TOO_MANY_ATTEMPTS);
    }
    try {
      ApiAccountVerification verification;
      try {
        verification =
            platform.verifyApiAccount(
                account, confirmation.company(), confirmation.action().line().id());
      } catch (RuntimeException noAnswer) {
        confirmations.giveBackAttempt(confirmation.tokenHash());
        throw noAnswer;
      }
      if (verification != ApiAccountVerification.VERIFIED) {
        return failedAttempt(confirmation, verification, attempt);
      }
      confirmations.giveBackAttempt(confirmation.tokenHash());
      if (confirmation.action() instanceof PendingAction.Connect connect) {
        return connect(confirmation, connect, account);
      }
      return disconnect(confirmation, (PendingAction.Disconnect) confirmation.action(), account);
    } catch (GatewayFailure failure) {
      if (failure.retryable()) {
        return refused(Refusal.TEMPORARILY_UNAVAILABLE);
      }
      throw failure;
    }
  }

  private ConfirmationOutcome connect(
      Confirmation confirmation, PendingAction.Connect action, ApiAccount account) {
    if (!desk.externalChannelsEnabled(confirmation.company())) {
      return refusedAndAudited(confirmation, Refusal.TARIFF_OPTION_OFF);
    }
    Optional<Refusal> taken = ruleRefusal(confirmation, action);
    if (taken.isPresent()) {
      return refusedAndAudited(confirmation, taken.get());
    }
    // the bot's earlier connections in this company keep their technical client: its users stay
    Optional<TechnicalClientId> earlier =
        connections.ofBot(confirmation.company(), action.channel(), action.bot().id()).stream()
            .findFirst()
            .map(previous -> previous.technicalClient().id());
    TechnicalClient client =
        platform.registerTechnicalClient(
            account,
            confirmation.company(),
            TechnicalClient.nameFor(action.channel(), action.bot()),
            earlier);
    Instant now = clock.instant();
    if (!confirmations.consume(confirmation.tokenHash(), now)) {
      return refused(Refusal.ALREADY_USED);
    }
    Secret webhookSecret = Secret.of(random.token(32));
    Connection connection =
        new Connection(
            new ConnectionId(UUID.randomUUID().toString()),
            confirmation.company(),
            action.channel(),
            action.line(),
            action.bot(),
            action.token(),
            client,
            account,
            ConfirmationToken.hashOf(webhookSecret.reveal()),
            HookCredentials.random(random),
            ConnectionState.ACTIVE,
            now,
            Optional.empty());
    try {
      connections.insert(connection);
    } catch (ConnectionRuleViolated violated) {
      return refusedAndAudited(confirmation, refusalFor(violated.rule()));
    }
    Connection started = startRelaying(connection, webhookSecret);
    List<Connection> sharing =
        connections.activeOf(confirmation.company()).stream()
            .filter(other -> !other.id().equals(connection.id()))
            .filter(other -> other.apiAccount().login().equalsIgnoreCase(account.login()))
            .toList();
    audit.record(
        new AuditEntry(
            now,
            confirmation.company(),
            confirmation.specialist(),
            AuditAction.CONNECTED,
            ConfirmationIssuer.describe(action)
                + " client «"
                + client.name()
                + "» api "
                + account.login()));
    DialogTexts texts = texts(action.channel());
    StringBuilder announcement = new StringBuilder(texts.connected(started));
    if (!sharing.isEmpty()) {
      announcement.append("\n\n").append(texts.apiAccountShared(sharing));
    }
    boolean receiving = started.state() == ConnectionState.ACTIVE;
    if (!receiving) {
      announcement.append("\n\n").append(texts.receivingFailed(started));
    }
    announcer.announce(confirmation.specialist(), action.channel(), announcement.toString());
    return new ConfirmationOutcome.Connected(started, sharing, receiving);
  }

  /**
   * Starts webhook or polling and the line's hook; a failure leaves the connection made but marked.
   */
  private Connection startRelaying(Connection connection, Secret webhookSecret) {
    try {
      messenger.startReceiving(connection.id(), connection.botAccess(), webhookSecret);
      platform.subscribe(connection.lineAccess());
      return connection;
    } catch (InvalidBotToken revoked) {
      return markState(connection, ConnectionState.TOKEN_REVOKED);
    } catch (GatewayFailure failure) {
      return markState(connection, ConnectionState.WEBHOOK_FAILING);
    }
  }

  private Connection markState(Connection connection, ConnectionState state) {
    Connection marked = connection.withState(state);
    connections.update(marked);
    return marked;
  }

  private Optional<Refusal> ruleRefusal(Confirmation confirmation, PendingAction.Connect action) {
    if (connections.findActiveByBot(action.channel(), action.bot().id()).isPresent()) {
      return Optional.of(Refusal.BOT_TAKEN);
    }
    if (connections.findActiveByLine(action.line().id()).isPresent()) {
      return Optional.of(Refusal.LINE_TAKEN);
    }
    if (connections.activeOf(confirmation.company(), action.channel()).size()
        >= ChannelLimits.MAX_BOTS_PER_COMPANY) {
      return Optional.of(Refusal.COMPANY_FULL);
    }
    return Optional.empty();
  }

  private ConfirmationOutcome disconnect(
      Confirmation confirmation, PendingAction.Disconnect action, ApiAccount account) {
    Optional<Connection> found = connections.find(action.connection()).filter(Connection::isActive);
    if (found.isEmpty()) {
      return refusedAndAudited(confirmation, Refusal.NOT_CONNECTED);
    }
    Connection connection = found.get();
    if (!connection.apiAccount().login().equalsIgnoreCase(account.login())) {
      return refusedAndAudited(confirmation, Refusal.NOT_THE_CONNECTING_ACCOUNT);
    }
    Instant now = clock.instant();
    if (!confirmations.consume(confirmation.tokenHash(), now)) {
      return refused(Refusal.ALREADY_USED);
    }
    stopRelaying(connection);
    Connection disconnected = connection.disconnected(now);
    connections.update(disconnected);
    audit.record(
        new AuditEntry(
            now,
            confirmation.company(),
            confirmation.specialist(),
            AuditAction.DISCONNECTED,
            ConfirmationIssuer.describe(action) + " api " + account.login()));
    announcer.announce(
        confirmation.specialist(),
        disconnected.channel(),
        texts(disconnected.channel()).disconnected(disconnected));
    return new ConfirmationOutcome.Disconnected(disconnected);
  }

  /**
   * Best effort: a revoked token or an unreachable service must not keep a bot connected. Receiving
   * stops for good anyway, since every update of a disconnected connection is dropped.
   */
  private void stopRelaying(Connection connection) {
    try {
      messenger.stopReceiving(connection.id(), connection.botAccess());
    } catch (GatewayFailure ignored) {
      // the connection is marked disconnected below; its updates are dropped from now on
    }
    try {
      platform.unsubscribe(connection.lineAccess());
    } catch (GatewayFailure ignored) {
      // as above: events of a disconnected line are dropped
    }
  }

  /**
   * A failed attempt at the API account. Wrong credentials and another company's account get the
   * same answer (the audit trail keeps which it was); the last allowed attempt burns the link and
   * tells the specialist in the management chat.
   */
  private ConfirmationOutcome failedAttempt(
      Confirmation confirmation, ApiAccountVerification verification, int attempt) {
    Refusal refusal = refusalFor(verification);
    audit(confirmation, verification + " (attempt " + attempt + ")");
    if (attempt < Confirmation.MAX_FAILED_ATTEMPTS) {
      return refused(refusal);
    }
    confirmations.consume(confirmation.tokenHash(), clock.instant());
    audit(confirmation, Refusal.TOO_MANY_ATTEMPTS.toString());
    try {
      announcer.announce(
          confirmation.specialist(),
          confirmation.action().channel(),
          DialogTexts.linkBurned(confirmation.action().line(), Confirmation.MAX_FAILED_ATTEMPTS));
    } catch (GatewayFailure unannounced) {
      // the link is burned either way; the audit trail has it
    }
    return refused(Refusal.TOO_MANY_ATTEMPTS);
  }

  private void audit(Confirmation confirmation, String reason) {
    audit.record(
        new AuditEntry(
            clock.instant(),
            confirmation.company(),
            confirmation.specialist(),
            AuditAction.CONFIRMATION_REFUSED,
            reason + ": " + ConfirmationIssuer.describe(confirmation.action())));
  }

  private ConfirmationOutcome refusedAndAudited(Confirmation confirmation, Refusal refusal) {
    audit(confirmation, refusal.toString());
    return refused(refusal);
  }

  private static ConfirmationOutcome refused(Refusal refusal) {
    return new ConfirmationOutcome.Refused(refusal);
  }

  private static Refusal refusalFor(ApiAccountVerification verification) {
    return switch (verification) {
      case WRONG_CREDENTIALS, FOREIGN_COMPANY -> Refusal.WRONG_CREDENTIALS;
      case LINE_NOT_ALLOWED -> Refusal.LINE_NOT_ALLOWED;
      case VERIFIED -> throw new IllegalArgumentException("verified is no refusal");
    };
  }

  private static Refusal refusalFor(ConnectionRuleViolated.Rule rule) {
    return switch (rule) {
      case LINE_TAKEN -> Refusal.LINE_TAKEN;
      case BOT_TAKEN -> Refusal.BOT_TAKEN;
      case COMPANY_FULL -> Refusal.COMPANY_FULL;
      case ACCOUNT_EXISTS ->
          throw new IllegalStateException("an account rule cannot refuse a connection");
    };
  }
}
