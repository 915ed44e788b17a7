package io.omnichannel.core.fakes;

import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChannelCatalog;
import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.Confirmation;
import io.omnichannel.core.domain.ConfirmationToken;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.HookCredentials;
import io.omnichannel.core.domain.Line;
import io.omnichannel.core.domain.PendingAction;
import io.omnichannel.core.domain.RandomTokens;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.Specialist;
import io.omnichannel.core.port.in.ConfirmationOutcome;
import io.omnichannel.core.usecase.AcceptingInbound;
import io.omnichannel.core.usecase.ConfirmationIssuer;
import io.omnichannel.core.usecase.Confirming;
import io.omnichannel.core.usecase.DeliveringToChannel;
import io.omnichannel.core.usecase.ManagementAnnouncer;
import io.omnichannel.core.usecase.ManagementDialog;
import io.omnichannel.core.usecase.MonitoringConnections;
import io.omnichannel.core.usecase.ProcessingInbox;
import io.omnichannel.core.usecase.RelayToChannel;
import io.omnichannel.core.usecase.RelayToLine;
import io.omnichannel.core.usecase.RetryPolicy;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The core wired to in-memory fakes, as the launcher wires it to adapters: one company with a
 * specialist, ready for conversations and relays. Tests add lines, bots and API accounts as they
 * need them.
 */
public final class CoreFixture {
  public static final URI PUBLIC_BASE = URI.create("https://gateway.example/");
  public static final HookCredentials MANAGEMENT_HOOK =
      new HookCredentials("management", Secret.of("management-secret"));

  public final ManualClock clock = ManualClock.startingAt("2026-11-29T10:00:00Z");
  public final FakePlatform platform = new FakePlatform();

  /** The first messenger, described as Telegram is. */
  public final FakeMessenger messenger = new FakeMessenger();

  /** A second messenger of the deployment, with opaque tokens and its own limits. */
  public final FakeMessenger pigeon = new FakeMessenger(FakeMessenger.opaque("Pigeon"));

  public final RoutingMessenger messengers = new RoutingMessenger(List.of(messenger, pigeon));
  public final ChannelCatalog channels = messengers.catalog();
  public final InMemoryConnections connections = new InMemoryConnections();
  public final InMemoryAccounts accounts = new InMemoryAccounts(connections::find);
  public final InMemoryTopicNames topics = new InMemoryTopicNames(connections::find);
  public final InMemoryDialogs dialogs = new InMemoryDialogs();
  public final InMemoryConfirmations confirmations = new InMemoryConfirmations();
  public final InMemoryLogs logs = new InMemoryLogs();
  public final InMemoryCompanyNames companyNames = new InMemoryCompanyNames();
  public final InMemoryInbox inbox = new InMemoryInbox();
  public final InMemoryOutbox outbox = new InMemoryOutbox();
  public final DirectTransactions transactions = new DirectTransactions();
  public final RandomTokens random = new RandomTokens(new SecureRandom());

  public final CompanyId company = new CompanyId("company-1");
  public final Specialist specialist = platform.specialist(company, "Анна Иванова");

  public final ConfirmationIssuer issuer =
      new ConfirmationIssuer(confirmations, logs, companyNames, random, PUBLIC_BASE, clock);
  public final ManagementAnnouncer announcer = new ManagementAnnouncer(platform, dialogs, channels);

  /** The management line with the first messenger only: its root menu has one button. */
  public final ManagementDialog dialog =
      new ManagementDialog(
          platform, List.of(messenger), connections, dialogs, confirmations, issuer, clock);

  /** The management line with both messengers. */
  public final ManagementDialog twoChannelDialog =
      new ManagementDialog(
          platform, List.of(messenger, pigeon), connections, dialogs, confirmations, issuer, clock);

  public final Confirming confirming =
      new Confirming(
          platform,
          platform,
          messengers,
          channels,
          connections,
          confirmations,
          announcer,
          logs,
          random,
          clock);
  public final RelayToLine relayToLine =
      new RelayToLine(platform, messengers, channels, accounts, topics, connections, logs, clock);
  public final RelayToChannel relayToChannel =
      new RelayToChannel(platform, channels, accounts, logs, clock);
  public final DeliveringToChannel delivering =
      new DeliveringToChannel(messengers, channels, platform, connections, accounts, logs, clock);
  public final AcceptingInbound accepting =
      new AcceptingInbound(connections, inbox, MANAGEMENT_HOOK, clock);
  public final MonitoringConnections monitoring =
      new MonitoringConnections(messengers, platform, platform, connections, logs, random, clock);

  /**
   * The inbox worker of this fixture for messenger updates only: a stored payload is decoded by
   * looking it up in {@code payloads}.
   */
  public ProcessingInbox channelInboxWorker(
      Map<String, ChannelEvent> payloads, RetryPolicy retry, Duration albumWindow) {
    return new ProcessingInbox(
        inbox,
        outbox,
        transactions,
        payloads::get,
        payload -> {
          throw new IllegalArgumentException("no line events here");
        },
        connections,
        relayToLine,
        relayToChannel,
        dialog,
        retry,
        Duration.ofMinutes(1),
        albumWindow,
        clock);
  }

  /** The specialist writes (or presses) {@code input} on the management line. */
  public FakePlatform.ManagementReply say(String input) {
    dialog.handle(specialist.id(), input);
    return platform.lastReply();
  }

  /** The specialist writes {@code input} on the management line that manages both messengers. */
  public FakePlatform.ManagementReply sayWithTwoChannels(String input) {
    twoChannelDialog.handle(specialist.id(), input);
    return platform.lastReply();
  }

  /** A link for connecting, as the wizard would issue it; returns the token in the link. */
  public String connectLink(Line line, BotToken token) {
    return connectLink(specialist, line, token);
  }

  /** A link for connecting, issued to the given specialist of the company. */
  public String connectLink(Specialist by, Line line, BotToken token) {
    return connectLink(by, messenger, line, token);
  }

  /** A link for connecting a bot of the given messenger. */
  public String connectLink(Specialist by, FakeMessenger of, Line line, BotToken token) {
    ConfirmationToken link = ConfirmationToken.generate(random);
    confirmations.save(
        Confirmation.issue(
            link,
            by.company(),
            by.id(),
            new PendingAction.Connect(of.kind(), line, of.identify(token), token),
            clock.instant()));
    return link.reveal();
  }

  /** Connects a bot to a line the whole way through the confirmation form. */
  public Connection connect(Line line, BotToken token, ApiAccount account) {
    return connect(messenger, line, token, account);
  }

  /** Connects a bot of the given messenger the whole way through the confirmation form. */
  public Connection connect(FakeMessenger of, Line line, BotToken token, ApiAccount account) {
    ConfirmationOutcome outcome =
        confirming.submit(connectLink(specialist, of, line, token), account);
    if (!(outcome instanceof ConfirmationOutcome.Connected connected)) {
      throw new AssertionError("expected a connection, got " + outcome);
    }
    return connected.connection();
  }

  /** Disconnects a bot the whole way through the confirmation form. */
  public void disconnect(Connection connection, ApiAccount account) {
    ConfirmationToken link = ConfirmationToken.generate(random);
    confirmations.save(
        Confirmation.issue(
            link,
            connection.company(),
            specialist.id(),
            new PendingAction.Disconnect(
                connection.channel(), connection.id(), connection.line(), connection.bot()),
            clock.instant()));
    ConfirmationOutcome outcome = confirming.submit(link.reveal(), account);
    if (!(outcome instanceof ConfirmationOutcome.Disconnected)) {
      throw new AssertionError("expected a disconnection, got " + outcome);
    }
  }

  /** A new line of the company with a bot connected to it through its own API account. */
  public Connection connectedLine(String lineName, String botName, String botUsername) {
    return connectedLine(messenger, lineName, botName, botUsername);
  }

  /** A new line of the company with a bot of the given messenger connected to it. */
  public Connection connectedLine(
      FakeMessenger of, String lineName, String botName, String botUsername) {
    Line line = platform.line(company, lineName);
    BotToken token = of.bot(botName, botUsername);
    ApiAccount account =
        platform.apiAccount("api-" + botUsername, "secret-" + botUsername, company, line);
    return connect(of, line, token, account);
  }
}
