package io.omnichannel.persistence;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnichannel.core.domain.DeadLetter;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.domain.RandomTokens;
import io.omnichannel.core.domain.failure.StorageUnavailable;
import io.omnichannel.core.port.out.AccountRepository;
import io.omnichannel.core.port.out.AuditTrail;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.ClosedSenders;
import io.omnichannel.core.port.out.CompanyNames;
import io.omnichannel.core.port.out.ConfirmationRepository;
import io.omnichannel.core.port.out.ConnectionRepository;
import io.omnichannel.core.port.out.DeadLetters;
import io.omnichannel.core.port.out.DialogRepository;
import io.omnichannel.core.port.out.DroppedMessageLog;
import io.omnichannel.core.port.out.DueRows;
import io.omnichannel.core.port.out.EventInbox;
import io.omnichannel.core.port.out.Outbox;
import io.omnichannel.core.port.out.PollingLeases;
import io.omnichannel.core.port.out.QueueBacklog;
import io.omnichannel.core.port.out.SecretSealer;
import io.omnichannel.core.port.out.SendingBudget;
import io.omnichannel.core.port.out.TopicNames;
import io.omnichannel.core.port.out.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistence adapter's one entry: opens the pools, runs the migrations and hands out the
 * core's driven ports, all sharing the pools and one thread-bound transaction ({@link
 * #transactions()}).
 */
public final class Persistence implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Persistence.class);

  /** Most outbox and budget writes in one commit. */
  private static final int SEND_BATCH_MAX = 64;

  /**
   * Batches of the inbox's, and of the outbox's and budget's, writes written at a time on a server:
   * one writer made every write queue behind one connection's round trips.
   */
  private static final int BATCHES_AT_ONCE = 2;

  private final HikariDataSource dataSource;

  /** Connections kept in manual-commit mode, for transactions only (see {@link Db}). */
  private final HikariDataSource transactional;

  private final ScheduledExecutorService lingering;
  private final Db db;
  private final JdbcConnections connections;
  private final JdbcAccounts accounts;
  private final JdbcTopicNames topicNames;
  private final JdbcDialogs dialogs;
  private final JdbcConfirmations confirmations;
  private final JdbcDroppedMessages dropped;
  private final JdbcAuditTrail audit;
  private final JdbcInbox inbox;
  private final JdbcOutbox outbox;
  private final JdbcPollingLeases leases;
  private final JdbcCompanyNames companyNames;
  private final JdbcDeadLetters deadLetters;
  private final JdbcSendingBudget sendingBudget;
  private final GroupCommit sends;
  private final Resealing resealing;
  private final boolean embedded;
  private final CompletableFuture<List<AppliedMigration>> opened = new CompletableFuture<>();
  private volatile Thread opener;
  private volatile List<AppliedMigration> appliedAtOpen = List.of();

  private Persistence(
      HikariDataSource dataSource,
      HikariDataSource transactional,
      SecretSealer sealer,
      Clock clock,
      String instanceId,
      boolean embedded) {
    this.dataSource = dataSource;
    this.transactional = transactional;
    this.embedded = embedded;
    this.db = new Db(dataSource, transactional, this::untilOpen);
    Sealing sealing = new Sealing(sealer);
    this.connections = new JdbcConnections(db, sealing, clock);
    this.accounts = new JdbcAccounts(db);
    this.topicNames = new JdbcTopicNames(db, clock);
    this.dialogs = new JdbcDialogs(db, clock);
    this.confirmations = new JdbcConfirmations(db, sealing);
    this.dropped = new JdbcDroppedMessages(db);
    this.audit = new JdbcAuditTrail(db);
    // H2 writes each commit to its file under one lock: a second batch in flight only splits what
    // one commit would have carried (and doubles the file writes)
    int batchesAtOnce = embedded ? 1 : BATCHES_AT_ONCE;
    this.lingering =
        Executors.newSingleThreadScheduledExecutor(
            work -> {
              Thread thread = new Thread(work, "omnichannel-inbox-completions");
              thread.setDaemon(true);
              return thread;
            });
    this.inbox = new JdbcInbox(db, clock, sealing, instanceId, batchesAtOnce, !embedded, lingering);
    // the outbox's completions and leases and the budget's settles share commits; a settle rides
    // with its row's completion, or (a failed send) with this instance's next claim of a slot: no
    // linger thread writes it, one that close would interrupt mid-write (H2 then fails its file)
    this.sends = new GroupCommit(db, SEND_BATCH_MAX, batchesAtOnce);
    this.outbox = new JdbcOutbox(db, clock, instanceId, sends);
    this.leases = new JdbcPollingLeases(db);
    this.companyNames = new JdbcCompanyNames(db);
    this.deadLetters = new JdbcDeadLetters(inbox, outbox);
    this.sendingBudget = new JdbcSendingBudget(db, sends);
    this.resealing = new Resealing(db, sealing);
  }

  /** Opens the database and brings its schema up to date. */
  public static Persistence open(PersistenceConfig config) {
    return open(config, Clock.systemUTC());
  }

  /**
   * As {@link #open(PersistenceConfig)}, with the clock that stamps completions and dialog saves.
   */
  public static Persistence open(PersistenceConfig config, Clock clock) {
    return open(config, clock, "instance-" + RandomTokens.secure().token(8));
  }

  /**
   * As {@link #open(PersistenceConfig, Clock)}, claiming queue rows under {@code instanceId}, the
   * name that {@link #releaseClaimsLeftBehind} recognises after a restart (unique among the
   * instances running at a time).
   */
  public static Persistence open(PersistenceConfig config, Clock clock, String instanceId) {
    return opening(config, clock, instanceId).awaitOpen();
  }

  /**
   * As {@link #open(PersistenceConfig, Clock, String)}, but the database is opened and migrated on
   * a thread of its own while the caller wires the ports it returns at once (nothing is read or
   * written through them until {@link #awaitOpen()} has returned): a start does the two at once.
   * Call {@link #awaitOpen()} before any use; it throws what opening failed with.
   */
  public static Persistence opening(PersistenceConfig config, Clock clock, String instanceId) {
    boolean usesFolder = config.isEmbedded() || config.masterKey().isEmpty();
    if (usesFolder) {
      OwnerOnly.folder(config.dataFolder());
    }
    SecretSealer sealer = new AesGcmSealer(masterKeys(config));
    Persistence persistence =
        new Persistence(
            unstartedPool(config, "omnichannel-db", true),
            unstartedPool(config, "omnichannel-db-tx", false),
            sealer,
            clock,
            instanceId,
            config.isEmbedded());
    persistence.opener =
        new Thread(
            () -> {
              try {
                persistence.opened.complete(persistence.openDatabase(config, usesFolder));
              } catch (RuntimeException | Error failed) {
                persistence.opened.completeExceptionally(failed);
              }
            },
            "omnichannel-db-open");
    persistence.opener.setDaemon(true);
    persistence.opener.start();
    return persistence;
  }

  /**
   * A port used before the database is open waits for it (the opening thread's own statements
   * excepted): nothing reads a table before it is migrated.
   */
  private void untilOpen() {
    if (Thread.currentThread() == opener) {
      return;
    }
    try {
      opened.join();
    } catch (CompletionException failed) {
      throw new StorageUnavailable("the database did not open", failed.getCause());
    }
  }

  /**
   * Waits until the database is open and its schema up to date; on failure the pool is closed and
   * the failure thrown ({@link StorageUnavailable}, {@link
   * io.omnichannel.core.domain.failure.StorageRefused}).
   */
  public Persistence awaitOpen() {
    try {
      appliedAtOpen = opened.join();
      return this;
    } catch (CompletionException failed) {
      lingering.shutdownNow();
      transactional.close();
      dataSource.close();
      if (failed.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (failed.getCause() instanceof Error cause) {
        throw cause;
      }
      throw failed;
    }
  }

  private List<AppliedMigration> openDatabase(PersistenceConfig config, boolean usesFolder) {
    long began = System.nanoTime();
    // the probe's connection stays open until the pool has its own: H2 closes a database, and
    // compacts its file, when the last connection to it closes
    try (Connection probe = DatabaseProbe.open(config)) {
      startPool(config);
    } catch (SQLException closing) {
      // the probe was only a probe
    }
    long poolStarted = System.nanoTime();
    List<AppliedMigration> applied;
    try {
      applied = migrate();
    } catch (FlywayException e) {
      throw new StorageUnavailable("database migration failed: " + e.getClass().getSimpleName(), e);
    }
    long migrated = System.nanoTime();
    int resealed = resealing.run(!config.retiredMasterKeys().isEmpty());
    if (resealed > 0 && config.isEmbedded()) {
      rewriteEmbeddedFile();
    }
    if (usesFolder) {
      OwnerOnly.folder(config.dataFolder()); // the database files the engine just created
    }
    long done = System.nanoTime();
    LOG.info(
        "database opened: engine={} migrationsApplied={} poolSize={} in {} ms (connections {},"
            + " migrations {}, the rest {})",
        config.isEmbedded() ? "h2" : "mysql",
        applied.size(),
        config.poolSize(),
        (done - began) / 1_000_000,
        (poolStarted - began) / 1_000_000,
        (migrated - poolStarted) / 1_000_000,
        (done - migrated) / 1_000_000);
    return applied;
  }

  /**
   * After secrets stored in clear by an older version were sealed, the H2 file may still hold the
   * old pages in its free space: the file is written anew (the database closes for it, and the pool
   * opens it again on its next connection).
   */
  private void rewriteEmbeddedFile() {
    db.withConnection(
        "SHUTDOWN DEFRAG",
        connection -> {
          try (Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN DEFRAG");
          }
          return null;
        });
    dataSource.getHikariPoolMXBean().softEvictConnections();
    transactional.getHikariPoolMXBean().softEvictConnections();
  }

  /** Applies the pending migrations; returns those that ran, in order (none when up to date). */
  public List<AppliedMigration> migrate() {
    Flyway flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .failOnMissingLocations(true)
            .load();
    return flyway.migrate().migrations.stream()
        .map(applied -> new AppliedMigration(applied.version, applied.description))
        .toList();
  }

  /** The migrations {@link #open} applied, since opening brings the schema up to date. */
  public List<AppliedMigration> appliedAtOpen() {
    return appliedAtOpen;
  }

  /**
   * At start, before any worker runs: frees the queue rows a previous run of this instance left
   * claimed (killed, it never finished them), so their chats go on at once instead of after the
   * lease. On a server, the rows claimed under this instance's name; on the embedded database,
   * which one process at a time can open, all of them. Returns how many.
   */
  public int releaseClaimsLeftBehind() {
    return inbox.releaseLeftClaims(embedded) + outbox.releaseLeftClaims(embedded);
  }

  /** Whether a connection can be had and answers, for the readiness probe. */
  public boolean isReady() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Dead rows for the admin side: the inbox's newest first, then the outbox's, at most {@code
   * limit}.
   */
  public List<DeadLetter> deadLetters(int limit) {
    return deadLetters.newest(limit);
  }

  /**
   * Housekeeping: deletes inbox and outbox rows completed before {@code before} (keep the inbox's
   * longer than a source may redeliver, a day for Telegram, or a redelivery is taken for new), and
   * the sending lanes free since before then (a chat's window is made again when it is next used);
   * returns how many.
   */
  public int purgeCompleted(Instant before) {
    return inbox.purgeCompleted(before)
        + outbox.purgeCompleted(before)
        + sendingBudget.purgeFreedBefore(before);
  }

  /**
   * Stores an inbound event already claimed by this instance, to hand to one of its workers that
   * waits idle (no claim statement of its own); empty when the same event was stored before. See
   * {@link #takeHandedOver}.
   */
  public Optional<Claimed<InboundRecord>> storeClaimed(
      InboundRecord record, Instant now, Duration lease) {
    return inbox.storeClaimed(record, now, lease);
  }

  /**
   * Whether an event from {@link #storeClaimed} may be worked on now (still held, first of its
   * chat); when not, it is given back to the queue and found by a later claim.
   */
  public boolean takeHandedOver(Claimed<InboundRecord> claimed) {
    return inbox.takeHandedOver(claimed);
  }

  /**
   * Claims up to {@code max} inbox rows at once, oldest first, each the first unfinished row of its
   * chat (so no two of one chat), for a worker to hand the others to its idle peers: one read and
   * one UPDATE, whatever their number. Empty when nothing is claimable.
   */
  public List<Claimed<InboundRecord>> claimInbox(Instant now, Duration lease, int max) {
    return inbox.claimUpTo(now, lease, max);
  }

  /**
   * Runs {@code wake} when inbox completions that waited to share a commit were written after a
   * claim came back short meanwhile: the rows of their chats behind them are claimable now.
   */
  public void whenInboxRowsFreed(Runnable wake) {
    inbox.whenRowsFreed(wake);
  }

  /**
   * Gives back an inbox row claimed by {@link #claimInbox} or {@link #storeClaimed} that no worker
   * took (at stop), so that it is claimable at once rather than after its lease.
   */
  public void giveBackInbox(Claimed<InboundRecord> claimed) {
    inbox.giveBack(claimed);
  }

  /**
   * Runs {@code action} once this thread's writes are committed: at once outside a transaction,
   * after the commit of the one it is in (never, if that rolls back).
   */
  public void afterCommit(Runnable action) {
    db.afterCommit(action);
  }

  /**
   * Enqueues a send already claimed by this instance, to hand to one of its workers that waits idle
   * (no claim statement of its own); inside the caller's transaction, it joins that one. See {@link
   * #takeHandedOverOutbox}.
   */
  public Claimed<OutboxMessage> enqueueClaimedOutbox(
      OutboxMessage message, Instant now, Duration lease) {
    return outbox.enqueueClaimed(message, now, lease);
  }

  /**
   * Whether a send from {@link #enqueueClaimedOutbox} may go now (still held, first of its chat);
   * when not, it is given back to the queue and found by a later claim.
   */
  public boolean takeHandedOverOutbox(Claimed<OutboxMessage> claimed) {
    return outbox.takeHandedOver(claimed);
  }

  /** Gives back a send from {@link #enqueueClaimedOutbox} no worker took (at stop). */
  public void giveBackOutbox(Claimed<OutboxMessage> claimed) {
    outbox.giveBack(claimed);
  }

  public ConnectionRepository connections() {
    return connections;
  }

  public AccountRepository accounts() {
    return accounts;
  }

  /** B9: the groups' topics' latest names. */
  public TopicNames topicNames() {
    return topicNames;
  }

  public DialogRepository dialogs() {
    return dialogs;
  }

  public ConfirmationRepository confirmations() {
    return confirmations;
  }

  public DroppedMessageLog droppedMessages() {
    return dropped;
  }

  public AuditTrail auditTrail() {
    return audit;
  }

  public EventInbox inbox() {
    return inbox;
  }

  public Outbox outbox() {
    return outbox;
  }

  /** When the outbox's next postponed row becomes due, whichever instance postponed it. */
  public DueRows outboxDueRows() {
    return outbox;
  }

  /** The senders this instance's outbox claims pass over while their bot's window is full. */
  public ClosedSenders outboxClosedSenders() {
    return outbox;
  }

  /** How far the inbox is behind (its gauges). */
  public QueueBacklog inboxBacklog() {
    return inbox;
  }

  /** How far the outbox is behind (its gauges). */
  public QueueBacklog outboxBacklog() {
    return outbox;
  }

  /**
   * Reports the pool's meters (HikariCP's own: connections active, idle, pending, timeouts, usage
   * and acquisition times) into {@code registry}; once.
   */
  public void measurePool(MeterRegistry registry) {
    MicrometerMetricsTrackerFactory meters = new MicrometerMetricsTrackerFactory(registry);
    dataSource.setMetricsTrackerFactory(meters);
    transactional.setMetricsTrackerFactory(meters);
  }

  public CompanyNames companyNames() {
    return companyNames;
  }

  /** The queues' dead rows, to requeue or discard. */
  public DeadLetters deadLetterQueues() {
    return deadLetters;
  }

  public Transactions transactions() {
    return db;
  }

  public PollingLeases pollingLeases() {
    return leases;
  }

  /** Every bot's sending slots, shared by the instances on this database (B2). */
  public SendingBudget sendingBudget() {
    return sendingBudget;
  }

  /**
   * Lets a linger write under way end before the thread stops: interrupted mid-write, H2 fails its
   * file, and this JVM cannot open that database again (the e2e restart after a kill met it).
   */
  private void stopLingering() {
    lingering.shutdown();
    try {
      if (!lingering.awaitTermination(5, TimeUnit.SECONDS)) {
        lingering.shutdownNow();
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      lingering.shutdownNow();
    }
  }

  /** Writes the completions still waiting to share a commit, then closes the pool. */
  @Override
  public void close() {
    try {
      opened.join(); // not while the opening thread still uses the pool
    } catch (CompletionException failedToOpen) {
      // closed all the same
    }
    stopLingering();
    try {
      inbox.flushCompletions();
    } catch (RuntimeException unavailable) {
      // their rows are handled again once their leases run out, and land once (by event id)
      LOG.warn("inbox completions not written at close: {}", unavailable.toString());
    }
    try {
      sends.flush();
    } catch (RuntimeException unavailable) {
      // their lanes stay held as in flight, until the sends' timeouts and a span
      LOG.warn("sending slots not settled at close: {}", unavailable.toString());
    }
    transactional.close();
    dataSource.close();
  }

  private static List<MasterKey> masterKeys(PersistenceConfig config) {
    List<MasterKey> keys = new ArrayList<>();
    keys.add(
        config
            .masterKey()
            .map(key -> MasterKey.fromBase64("masterKey", key))
            .orElseGet(() -> MasterKey.inFolder(config.dataFolder())));
    for (String retired : config.retiredMasterKeys()) {
      keys.add(MasterKey.fromBase64("retiredMasterKeys", retired));
    }
    return keys;
  }

  /**
   * A pool of {@code config.poolSize()} connections, all in auto-commit or all in manual-commit
   * mode (the pool puts a connection back in that mode if a caller switched it), configured: it
   * opens its connections when {@link #startPool} asks for one.
   */
  private static HikariDataSource unstartedPool(
      PersistenceConfig config, String name, boolean autoCommit) {
    HikariDataSource hikari = new HikariDataSource();
    hikari.setPoolName(name);
    hikari.setAutoCommit(autoCommit);
    hikari.setJdbcUrl(config.jdbcUrl());
    hikari.setUsername(config.user());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(config.poolSize());
    hikari.setMinimumIdle(Math.min(2, config.poolSize()));
    hikari.setConnectionTimeout(10_000);
    // Read committed: a retried slot choice sees what others committed, and queue claims see fresh
    // rows.
    hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    if (!config.isEmbedded()) {
      hikari.addDataSourceProperty("characterEncoding", "UTF-8"); // utf8mb4 on the wire
      hikari.addDataSourceProperty("connectionTimeZone", "UTC");
      hikari.addDataSourceProperty("cachePrepStmts", "true");
      // every statement the gateway uses, however long (the driver's 25 and 256 characters left
      // the queue claims and account lookups parsed again on every call)
      hikari.addDataSourceProperty("prepStmtCacheSize", "250");
      hikari.addDataSourceProperty("prepStmtCacheSqlLimit", "4096");
      // the driver knows its session's auto-commit and isolation: setting them to what they are
      // costs no round trip
      hikari.addDataSourceProperty("useLocalSessionState", "true");
      // HikariCP's advice for MySQL: statements prepared once on the server per connection (the
      // server no longer parses each claim's SQL again: ≈20 % less of its CPU per statement in the
      // shared pacing benchmark), their result metadata and the server's settings cached, no
      // timing kept per statement
      hikari.addDataSourceProperty("useServerPrepStmts", "true");
      hikari.addDataSourceProperty("cacheResultSetMetadata", "true");
      hikari.addDataSourceProperty("cacheServerConfiguration", "true");
      hikari.addDataSourceProperty("maintainTimeStats", "false");
    }
    return hikari;
  }

  private void startPool(PersistenceConfig config) {
    try (Connection first = dataSource.getConnection();
        Connection firstTransactional = transactional.getConnection()) {
      first.isValid(2);
    } catch (SQLException | RuntimeException e) {
      throw new StorageUnavailable(
          "cannot open the database " + config.jdbcUrl().replaceAll("[?;].*", ""), e);
    }
  }
}
