package io.omnichannel.testkit.oneconnect;

import io.javalin.Javalin;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process 1C-Connect on loopback: the push REST API under {@link #restBaseUrl()},
 * PartnerWebAPI2 at {@link #soapUrl()}, the control API under {@link #controlUrl()}, and hook event
 * delivery. Set the world up with {@link #world()}, act with {@link #scenario()}, assert with
 * {@link #inspection()}; close to stop the server and the delivery threads. See {@code
 * package-info} for the full contract.
 */
public final class OneConnectEmulator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OneConnectEmulator.class);

  private final OneConnectEmulatorConfig config;
  private final Javalin app;
  private final HookDispatcher dispatcher;
  private final OneConnectWorld world;
  private final OneConnectScenario scenario;
  private final OneConnectInspection inspection;
  private final String baseUrl;

  private OneConnectEmulator(OneConnectEmulatorConfig config) {
    this.config = config;
    AtomicReference<String> restBase = new AtomicReference<>();
    Journal journal = new Journal(config);
    Directory directory = new Directory();
    ClientRegistry clients = new ClientRegistry();
    HookRegistry hooks = new HookRegistry();
    this.dispatcher = new HookDispatcher(config, journal);
    TreatmentRegistry treatments = new TreatmentRegistry();
    Chats chats = new Chats(config, directory, hooks, journal, dispatcher, treatments);
    AccountEvents accountEvents = new AccountEvents(chats, clients);
    clients.listen(accountEvents);
    Emulation emu =
        new Emulation(
            config,
            directory,
            clients,
            hooks,
            treatments,
            journal,
            chats,
            accountEvents,
            new FileStore(config.maxStoredFileBytes(), restBase::get),
            new ReceiveLedger(config.maxIdempotencyKeys()),
            new Access(directory, clients));
    this.world = new OneConnectWorld(emu);
    this.scenario = new OneConnectScenario(emu);
    this.inspection = new OneConnectInspection(journal);
    this.app = Server.create(emu, world, scenario, inspection);
    try {
      app.start("127.0.0.1", config.port());
    } catch (RuntimeException e) {
      dispatcher.close();
      throw e;
    }
    this.baseUrl = "http://127.0.0.1:" + app.port();
    restBase.set(restBaseUrl());
    LOG.info("1C-Connect emulator listening on {}", baseUrl);
  }

  public static OneConnectEmulator start() {
    return start(OneConnectEmulatorConfig.defaults());
  }

  public static OneConnectEmulator start(OneConnectEmulatorConfig config) {
    return new OneConnectEmulator(Objects.requireNonNull(config, "config"));
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * {@code <baseUrl>/v1/}: the push API root (the real one is {@code
   * https://push.1c-connect.com/v1/}).
   */
  public String restBaseUrl() {
    return baseUrl + "/v1/";
  }

  /** {@code <baseUrl>/cus/ws/PartnerWebAPI2}. */
  public String soapUrl() {
    return baseUrl + SoapEndpoint.PATH;
  }

  /** {@code <baseUrl>/_emulator/oneconnect/}: the HTTP control API. */
  public String controlUrl() {
    return baseUrl + ControlEndpoints.ROOT + "/";
  }

  public int port() {
    return app.port();
  }

  public OneConnectEmulatorConfig config() {
    return config;
  }

  public OneConnectWorld world() {
    return world;
  }

  public OneConnectScenario scenario() {
    return scenario;
  }

  public OneConnectInspection inspection() {
    return inspection;
  }

  @Override
  public void close() {
    try {
      app.stop();
    } finally {
      dispatcher.close();
    }
  }
}
