package io.omnichannel.launcher;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.omnichannel.core.domain.ChannelCatalog;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.HookCredentials;
import io.omnichannel.core.domain.RandomTokens;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.failure.GatewayFailure;
import io.omnichannel.core.port.in.AccountDirectory;
import io.omnichannel.core.port.in.ConnectionMonitor;
import io.omnichannel.core.port.in.DeadLetterDesk;
import io.omnichannel.core.port.out.DroppedMessageLog;
import io.omnichannel.core.port.out.EventInbox;
import io.omnichannel.core.port.out.LineRelay;
import io.omnichannel.core.port.out.LineSetup;
import io.omnichannel.core.port.out.ManagementDesk;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.core.port.out.Outbox;
import io.omnichannel.core.usecase.AcceptingInbound;
import io.omnichannel.core.usecase.ConfirmationIssuer;
import io.omnichannel.core.usecase.Confirming;
import io.omnichannel.core.usecase.DeliveringToChannel;
import io.omnichannel.core.usecase.LineBans;
import io.omnichannel.core.usecase.ListingAccounts;
import io.omnichannel.core.usecase.ManagementAnnouncer;
import io.omnichannel.core.usecase.ManagementDialog;
import io.omnichannel.core.usecase.MonitoringConnections;
import io.omnichannel.core.usecase.ProcessingInbox;
import io.omnichannel.core.usecase.ReconcilingBans;
import io.omnichannel.core.usecase.RelayToChannel;
import io.omnichannel.core.usecase.RelayToLine;
import io.omnichannel.core.usecase.RetryPolicy;
import io.omnichannel.core.usecase.ReworkingDeadLetters;
import io.omnichannel.core.usecase.SendingOutbox;
import io.omnichannel.launcher.logging.Correlating;
import io.omnichannel.launcher.messengers.Messenger;
import io.omnichannel.launcher.messengers.MessengerContext;
import io.omnichannel.launcher.messengers.MessengerSetup;
import io.omnichannel.launcher.messengers.Messengers;
import io.omnichannel.launcher.messengers.TelegramMessenger;
import io.omnichannel.launcher.metrics.Metering;
import io.omnichannel.launcher.metrics.ServiceMeters;
import io.omnichannel.launcher.web.AdminEndpoint;
import io.omnichannel.launcher.web.ConfirmationEndpoint;
import io.omnichannel.launcher.web.ConsoleEndpoint;
import io.omnichannel.launcher.web.Endpoint;
import io.omnichannel.launcher.web.HealthEndpoint;
import io.omnichannel.launcher.web.HookEndpoints;
import io.omnichannel.launcher.web.HttpMetrics;
import io.omnichannel.launcher.web.MetricsEndpoint;
import io.omnichannel.launcher.web.Stylesheet;
import io.omnichannel.launcher.work.DueWakeups;
import io.omnichannel.launcher.work.WorkerPool;
import io.omnichannel.oneconnect.OneConnect;
import io.omnichannel.oneconnect.OneConnectConfig;
import io.omnichannel.persistence.Persistence;
import io.omnichannel.persistence.PersistenceConfig;
import io.omnichannel.telegram.TelegramConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole gateway in one object, wired by hand in one place: embed it in a host service with
 * {@link #builder()}, or let the command line's {@code serve} run it. Building opens the database
 * (migrating it, on a thread of its own while the rest is wired); {@link #start()} binds the HTTP
 * server (unless the host mounts the endpoints itself), starts the workers, resumes polling, gives
 * the line hooks of before path secrets their secret and registers the management line's hook, in
 * that order; {@link #stop()} undoes it gracefully.
 */
public final class Omnichannel {
  private static final Logger LOG = LoggerFactory.getLogger(Omnichannel.class);

  /**
   * How long a claimed queue row is held without a word from its worker: short, so the rows of a
   * killed instance are free again in seconds; a row worked on longer is renewed by the pool's
   * heartbeat, which beats several times within one lease.
   */
  private static final Duration LEASE = Duration.ofSeconds(10);

  /**
   * Bans come from subscription events; the reconcile only catches a missed one, so a few SOAP
   * reads per monitoring cycle (a minute by default) suffice.
   */
  private static final int BANS_PER_CYCLE = 20;

  /**
   * The fewest inbox worker threads, whatever the workers per queue: an inbox worker spends most of
   * a message waiting (on 1C-Connect's answer, on the database) and each chat's messages go one at
   * a time, so only many chats handled at once keep up. With 4, the inbox fell behind the webhooks
   * on MariaDB under load (the workers were the limit, not the intake).
   */
  static final int INBOX_WORKERS_AT_LEAST = 16;

  private final Builder settings;
  private final Persistence persistence;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Messengers messengers;
  private final OneConnect oneConnect;
  private final HookCredentials managementHook;
  private final MessengerChannel messenger;
  private final WorkerPool inboxWorkers;
  private final WakingInbox wakingInbox;
  private final WakingOutbox wakingOutbox;
  private final WorkerPool outboxWorkers;
  private final ConnectionMonitor monitor;
  private final ReconcilingBans bans;
  private final List<Endpoint> endpoints;
  private final List<Endpoint> managementEndpoints;
  private final ServiceMeters serviceMeters;
  private final AtomicBoolean started = new AtomicBoolean();
  private final ScheduledExecutorService scheduler;
  private final DueWakeups dueWakeups;
  private Javalin server;
  private Javalin managementServer;

  private Omnichannel(Builder settings, Persistence persistence) {
    this.settings = settings;
    this.persistence = persistence;
    Clock clock = settings.clock;
    RandomTokens random = RandomTokens.secure();
    Metering metering = new Metering(registry);
    serviceMeters = new ServiceMeters(registry, BuildVersion.current());
    metering.queueBacklog("inbox", persistence.inboxBacklog(), clock);
    metering.queueBacklog("outbox", persistence.outboxBacklog(), clock);

    int inboxThreads = Math.max(settings.workers, INBOX_WORKERS_AT_LEAST);
    WakingInbox waking = new WakingInbox(persistence, clock, settings.queueLease, inboxThreads);
    this.wakingInbox = waking;
    EventInbox inbox = Correlating.inbox(metering.inbox(new RememberingInbox(waking)));
    dueWakeups = new DueWakeups(this::wakeOutbox, clock);
    WakingOutbox wakingOut =
        new WakingOutbox(
            persistence.outbox(),
            persistence.outboxDueRows(),
            this::wakeOutbox,
            dueWakeups,
            persistence::afterCommit);
    this.wakingOutbox = wakingOut;
    // innermost, so that a row handed over is logged and counted as a claimed one
    Outbox outbox = Correlating.outbox(metering.outbox(wakingOut));
    DroppedMessageLog dropped = metering.droppedMessages(persistence.droppedMessages());
    managementHook = settings.managementHook.orElseGet(() -> HookCredentials.random(random));
    AcceptingInbound accepting =
        new AcceptingInbound(persistence.connections(), inbox, managementHook, clock);

    MessengerContext messengerContext =
        new MessengerContext(
            accepting, persistence.pollingLeases(), persistence.sendingBudget(), clock);
    List<Messenger> running = new ArrayList<>();
    for (MessengerSetup setup : settings.messengers()) {
      running.add(setup.create(messengerContext));
    }
    messengers = new Messengers(running, metering::messenger);
    oneConnect = OneConnect.create(settings.oneConnect, accepting);
    messenger = messengers.router();
    ChannelCatalog channels = messengers.catalog();
    running.forEach(each -> each.measure(metering));
    metering.ignored(
        "oneconnect",
        oneConnect,
        adapter -> adapter.ignoredEventTypes().values().stream().mapToLong(Long::longValue).sum());
    metering.ignoredByKind("oneconnect", oneConnect, OneConnect::ignoredEventTypes);
    metering.unstoredEchoes(oneConnect, OneConnect::echoesUnstored);
    ManagementDesk managementDesk = oneConnect.managementDesk();
    LineSetup lineSetup = oneConnect.lineSetup();
    LineRelay platform = metering.lineRelay(oneConnect.lineRelay());

    var connections = persistence.connections();
    var accounts = persistence.accounts();
    ConfirmationIssuer issuer =
        new ConfirmationIssuer(
            persistence.confirmations(),
            persistence.auditTrail(),
            persistence.companyNames(),
            random,
            settings.publicBaseUrl,
            clock);
    ManagementDialog dialog =
        new ManagementDialog(
            managementDesk,
            messengers.channels(),
            connections,
            persistence.dialogs(),
            persistence.confirmations(),
            issuer,
            clock);
    ManagementAnnouncer announcer =
        new ManagementAnnouncer(managementDesk, persistence.dialogs(), channels);
    Confirming confirming =
        new Confirming(
            managementDesk,
            lineSetup,
            messenger,
            channels,
            connections,
            persistence.confirmations(),
            announcer,
            persistence.auditTrail(),
            random,
            clock);
    RelayToLine relayToLine =
        new RelayToLine(
            platform,
            messenger,
            channels,
            accounts,
            persistence.topicNames(),
            connections,
            dropped,
            clock);
    RelayToChannel relayToChannel =
        new RelayToChannel(platform, channels, accounts, dropped, clock);
    DeliveringToChannel delivering =
        new DeliveringToChannel(
            messenger, channels, platform, connections, accounts, dropped, clock);

    ProcessingInbox processing =
        new ProcessingInbox(
            inbox,
            outbox,
            persistence.transactions(),
            messengers.decoders(),
            oneConnect.lineEventDecoder(),
            connections,
            relayToLine,
            relayToChannel,
            dialog,
            RetryPolicy.standard(),
            settings.queueLease,
            ProcessingInbox.DEFAULT_ALBUM_WINDOW,
            clock);
    inboxWorkers =
        new WorkerPool(
            "inbox",
            processing,
            inboxThreads,
            Duration.ofSeconds(1),
            settings.queueLease.dividedBy(5));
    outboxWorkers =
        new WorkerPool(
            "outbox",
            new SendingOutbox(
                outbox,
                new WakingClosedSenders(persistence.outboxClosedSenders(), dueWakeups),
                delivering,
                RetryPolicy.standard(),
                settings.queueLease,
                clock),
            settings.workers,
            Duration.ofSeconds(1),
            settings.queueLease.dividedBy(5));
    waking.handTo(inboxWorkers);
    wakingOut.handTo(outboxWorkers, persistence, clock, settings.queueLease);
    monitor =
        new MonitoringConnections(
            messenger,
            managementDesk,
            lineSetup,
            connections,
            persistence.auditTrail(),
            random,
            clock);
    bans =
        new ReconcilingBans(
            connections, accounts, new LineBans(platform, accounts, clock), BANS_PER_CYCLE);

    AccountDirectory accountDirectory = new ListingAccounts(connections, accounts, platform);
    DeadLetterDesk desk = new ReworkingDeadLetters(persistence.deadLetterQueues(), clock);
    HealthEndpoint health =
        new HealthEndpoint(
            List.of(
                new HealthEndpoint.Check("database", persistence::isReady),
                new HealthEndpoint.Check(
                    "workers", () -> inboxWorkers.isRunning() && outboxWorkers.isRunning())),
            started::get);
    managementEndpoints = List.of(health, MetricsEndpoint.open(registry, metering::refresh));
    List<Endpoint> publicEndpoints = new ArrayList<>();
    publicEndpoints.add(new HttpMetrics(registry));
    if (settings.managementPort.isEmpty()) {
      publicEndpoints.add(health);
    }
    publicEndpoints.addAll(
        List.of(
            new HookEndpoints(oneConnect.hookHandler()),
            new ConfirmationEndpoint(confirming),
            new AdminEndpoint(
                settings.adminToken, connections, accountDirectory, persistence.auditTrail(), desk),
            new ConsoleEndpoint(
                settings.adminToken,
                settings.publicBaseUrl,
                connections,
                persistence.companyNames(),
                accountDirectory,
                desk,
                persistence.auditTrail(),
                clock),
            new Stylesheet(),
            MetricsEndpoint.behindToken(registry, metering::refresh, settings.adminToken)));
    running.forEach(each -> publicEndpoints.addAll(each.endpoints()));
    endpoints = List.copyOf(publicEndpoints);
    try {
      persistence.awaitOpen(); // it opened and migrated while the above was wired
      // once the pools run: a tracker set while a pool starts on the opening thread may be missed
      persistence.measurePool(registry);
    } catch (RuntimeException failed) {
      messengers.close();
      serviceMeters.close();
      throw failed;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "omnichannel-monitor");
              thread.setDaemon(true);
              return thread;
            });
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Mounts every public endpoint (hooks, confirmation page, admin, console, stylesheet, health
   * unless a management port is set, metrics behind the admin token) into the host's Javalin, with
   * HTTP request meters.
   */
  public void mount(Javalin app) {
    endpoints.forEach(endpoint -> endpoint.mount(app));
  }

  /**
   * Mounts {@code /metrics} (open) and {@code /health/*} into a host's own management server, which
   * only operators reach.
   */
  public void mountManagement(Javalin app) {
    managementEndpoints.forEach(endpoint -> endpoint.mount(app));
  }

  /**
   * Starts in the order that keeps a failed start harmless: the database is already open, then the
   * port is bound, the workers and polling run, and only last the management line's hook — the one
   * change another running instance would notice — points here. A failure stops what started and is
   * thrown on: {@link PortInUse}, or the adapters' {@link GatewayFailure}s.
   */
  public synchronized Omnichannel start() {
    try {
      startHttpServer();
      startManagementServer();
      releaseClaimsLeftBehind();
      inboxWorkers.start();
      outboxWorkers.start();
      resumePolling();
      secureBareHooks();
      oneConnect.registerManagementHook(managementHook);
      started.set(true);
    } catch (RuntimeException failed) {
      stop();
      throw failed;
    }
    scheduler.scheduleWithFixedDelay(
        this::refreshStates,
        settings.monitorEvery.toMillis(),
        settings.monitorEvery.toMillis(),
        TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(this::purgeCompleted, 1, 60, TimeUnit.MINUTES);
    return this;
  }

  private void startHttpServer() {
    if (settings.httpPort.isEmpty()) {
      return;
    }
    server =
        HttpServer.start("public", settings.httpHost, settings.httpPort.get(), endpoints, registry);
    LOG.info(
        "omnichannel {} serving on {}:{} (public base {})",
        BuildVersion.current(),
        settings.httpHost,
        server.port(),
        settings.publicBaseUrl);
  }

  private void startManagementServer() {
    if (settings.managementPort.isEmpty()) {
      return;
    }
    managementServer =
        HttpServer.start(
            "management",
            settings.httpHost,
            settings.managementPort.get(),
            managementEndpoints,
            registry);
    LOG.info(
        "metrics and health on {}:{}/metrics, /health/*",
        settings.httpHost,
        managementServer.port());
  }

  /**
   * The bundled HTTP server's port (useful with port 0); empty when the host mounts the endpoints.
   */
  public Optional<Integer> port() {
    return Optional.ofNullable(server).map(Javalin::port);
  }

  /** The management server's port, when one was asked for and has started. */
  public Optional<Integer> managementPort() {
    return Optional.ofNullable(managementServer).map(Javalin::port);
  }

  /**
   * Stops taking work, lets claimed rows finish, stops receiving, releases leases, closes the pool.
   */
  public synchronized void stop() {
    started.set(false);
    if (server != null) {
      server.stop();
    }
    if (managementServer != null) {
      managementServer.stop();
    }
    scheduler.shutdownNow();
    dueWakeups.close();
    inboxWorkers.requestStop();
    outboxWorkers.requestStop();
    try {
      inboxWorkers.awaitStopped(Duration.ofSeconds(20));
      outboxWorkers.awaitStopped(Duration.ofSeconds(20));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    try {
      wakingInbox.giveBackUntaken();
    } catch (RuntimeException unavailable) {
      // the database is away: the rows come back when their leases run out
      LOG.warn("inbox rows claimed but not taken stay leased: {}", unavailable.toString());
    }
    try {
      wakingOutbox.giveBackUntaken();
    } catch (RuntimeException unavailable) {
      LOG.warn("outbox rows claimed but not taken stay leased: {}", unavailable.toString());
    }
    messengers.close();
    persistence.close();
    serviceMeters.close();
    LOG.info("omnichannel stopped");
  }

  /**
   * The connections of every messenger that receives by long polling start polling again. Polling
   * needs no secret; the port's one is random and unused. Webhooks survive restarts on the
   * messenger's side.
   */
  private void resumePolling() {
    Set<ChannelKind> polling =
        messengers.running().stream()
            .filter(Messenger::polls)
            .map(each -> each.channel().kind())
            .collect(Collectors.toSet());
    if (polling.isEmpty()) {
      return;
    }
    for (Connection connection : persistence.connections().allActive()) {
      if (!polling.contains(connection.channel())) {
        continue;
      }
      try {
        messenger.startReceiving(
            connection.id(), connection.botAccess(), Secret.of(RandomTokens.secure().token(16)));
      } catch (GatewayFailure failure) {
        LOG.warn(
            "cannot resume receiving for connection {}: {}", connection.id(), failure.getMessage());
      }
    }
  }

  /**
   * Hooks registered before hook URLs carried a path secret get one now; those already secret cost
   * one read each and are left as they are.
   */
  private void secureBareHooks() {
    int secured =
        oneConnect.secureBareHooks(
            persistence.connections().allActive().stream().map(Connection::lineAccess).toList());
    if (secured > 0) {
      LOG.info("set {} line hooks again with their path secret", secured);
    }
  }

  /**
   * A previous run killed under this name left rows claimed: their chats go on now, not after a
   * lease.
   */
  private void releaseClaimsLeftBehind() {
    int released = persistence.releaseClaimsLeftBehind();
    if (released > 0) {
      LOG.info("took back {} queue rows a previous run left claimed", released);
    }
  }

  private void refreshStates() {
    try {
      monitor.refresh();
    } catch (RuntimeException failed) {
      LOG.warn("connection monitoring failed: {}", failed.toString());
    }
    try {
      bans.reconcile();
    } catch (RuntimeException failed) {
      LOG.warn("ban reconcile failed: {}", failed.toString());
    }
  }

  /** Completed queue rows are kept a week: far longer than any source redelivers an event. */
  private void purgeCompleted() {
    try {
      int purged =
          persistence.purgeCompleted(settings.clock.instant().minus(settings.retainCompleted));
      LOG.info("purged {} completed queue rows", purged);
    } catch (RuntimeException failed) {
      LOG.warn("purging completed queue rows failed: {}", failed.toString());
    }
  }

  private void wakeOutbox() {
    outboxWorkers.wake();
  }

  /** Everything the gateway needs; defaults are for a single instance on the embedded database. */
  public static final class Builder {
    private PersistenceConfig persistence;
    private URI publicBaseUrl;
    private TelegramConfig telegram;
    private final List<MessengerSetup> moreMessengers = new ArrayList<>();
    private OneConnectConfig oneConnect;
    private Optional<Secret> adminToken = Optional.empty();
    private Optional<HookCredentials> managementHook = Optional.empty();
    private String httpHost = "0.0.0.0";
    private Optional<Integer> httpPort = Optional.of(8080);
    private Optional<Integer> managementPort = Optional.empty();
    private int workers = 4;
    private Duration monitorEvery = Duration.ofMinutes(1);
    private Duration retainCompleted = Duration.ofDays(7);
    private Duration queueLease = LEASE;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder persistence(PersistenceConfig config) {
      this.persistence = config;
      return this;
    }

    public Builder publicBaseUrl(URI url) {
      this.publicBaseUrl = url;
      return this;
    }

    public Builder telegram(TelegramConfig config) {
      this.telegram = config;
      return this;
    }

    /**
     * Another messenger besides Telegram, switched on by its own settings; the management line's
     * root menu lists it after Telegram.
     */
    public Builder messenger(MessengerSetup setup) {
      this.moreMessengers.add(Objects.requireNonNull(setup, "setup"));
      return this;
    }

    /** Telegram first, then the others in the order they were added. */
    private List<MessengerSetup> messengers() {
      List<MessengerSetup> all = new ArrayList<>();
      all.add(TelegramMessenger.setup(telegram));
      all.addAll(moreMessengers);
      return all;
    }

    public Builder oneConnect(OneConnectConfig config) {
      this.oneConnect = config;
      return this;
    }

    public Builder adminToken(Secret token) {
      this.adminToken = Optional.of(token);
      return this;
    }

    /**
     * Fixed back-auth for the management line's hook; needed when several instances share the work.
     */
    public Builder managementHook(HookCredentials credentials) {
      this.managementHook = Optional.of(credentials);
      return this;
    }

    public Builder httpServer(String host, int port) {
      this.httpHost = host;
      this.httpPort = Optional.of(port);
      return this;
    }

    /**
     * Serves {@code /metrics} (without a token) and {@code /health/*} on this port of the HTTP
     * host, apart from the public port, which then serves neither openly.
     */
    public Builder managementServer(int port) {
      this.managementPort = Optional.of(port);
      return this;
    }

    /** The host serves HTTP itself and calls {@link Omnichannel#mount}. */
    public Builder noHttpServer() {
      this.httpPort = Optional.empty();
      return this;
    }

    /** Worker threads per queue (4 by default); the inbox runs at least 16 whatever is given. */
    public Builder workers(int perQueue) {
      this.workers = perQueue;
      return this;
    }

    public Builder monitorEvery(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("the monitoring interval must be positive");
      }
      this.monitorEvery = interval;
      return this;
    }

    /**
     * How long completed inbox rows are kept for recognising redeliveries (at least a day for
     * Telegram).
     */
    public Builder retainCompleted(Duration period) {
      if (period.compareTo(Duration.ofDays(1)) < 0) {
        throw new IllegalArgumentException(
            "keep completed rows at least a day: Telegram redelivers for 24 hours");
      }
      this.retainCompleted = period;
      return this;
    }

    /**
     * How long a claimed queue row is held without a word from its worker (10 s by default); a
     * shorter one frees a killed instance's rows sooner, at the price of more renewals.
     */
    public Builder queueLease(Duration lease) {
      if (lease.toMillis() < 500) {
        throw new IllegalArgumentException("a queue lease lasts at least half a second");
      }
      this.queueLease = lease;
      return this;
    }

    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    public Omnichannel build() {
      Objects.requireNonNull(persistence, "persistence");
      Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
      Objects.requireNonNull(telegram, "telegram");
      Objects.requireNonNull(oneConnect, "oneConnect");
      // one name for this instance: in the polling leases and on the queue rows it claims
      Persistence opening = Persistence.opening(persistence, clock, telegram.instanceId());
      try {
        return new Omnichannel(this, opening);
      } catch (RuntimeException failed) {
        opening.close();
        throw failed;
      }
    }
  }
}
