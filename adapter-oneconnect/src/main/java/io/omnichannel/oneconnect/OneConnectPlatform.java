package io.omnichannel.oneconnect;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.HookCredentials;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.LimitCheck.FileKind;
import io.omnichannel.core.domain.Line;
import io.omnichannel.core.domain.LineAccess;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.RemoteFile;
import io.omnichannel.core.domain.Specialist;
import io.omnichannel.core.domain.TechnicalClient;
import io.omnichannel.core.domain.TechnicalClientId;
import io.omnichannel.core.domain.failure.GatewayFailure;
import io.omnichannel.core.domain.failure.PlatformRejected;
import io.omnichannel.core.port.out.ApiAccountVerification;
import io.omnichannel.core.port.out.DeliveryOutcome;
import io.omnichannel.core.port.out.LineRelay;
import io.omnichannel.core.port.out.LineSetup;
import io.omnichannel.core.port.out.ManagementDesk;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's three ports on 1C-Connect: the management line and partner-level reads with the
 * service account ({@link ManagementDesk}); setting up a line ({@link LineSetup}) and relaying on
 * it ({@link LineRelay}) with the line's API account (REST and SOAP). It is given a connection's
 * {@link LineAccess}, never its bot token.
 */
final class OneConnectPlatform implements ManagementDesk, LineSetup, LineRelay {
  private static final Logger LOG = LoggerFactory.getLogger(OneConnectPlatform.class);

  private final OneConnectConfig config;
  private final RestClients rest;
  private final Uploads uploads;
  private final PartnerWebApi soap;
  private final LineFiles files;
  private final ApiAccountCheck accountCheck;
  private final PartnerDirectory partner;
  private final ManagementLine management;
  private final HookPathSecrets secrets;

  OneConnectPlatform(
      OneConnectConfig config,
      HookPathSecrets secrets,
      RestClients rest,
      Uploads uploads,
      PartnerWebApi soap,
      LineFiles files) {
    this.config = config;
    this.secrets = secrets;
    this.rest = rest;
    this.uploads = uploads;
    this.soap = soap;
    this.files = files;
    String serviceAuth = BasicAuth.header(config.serviceLogin(), config.servicePassword());
    this.accountCheck = new ApiAccountCheck(rest, serviceAuth);
    this.partner = new PartnerDirectory(rest.partner, serviceAuth);
    this.management =
        new ManagementLine(
            rest.push, serviceAuth, config.managementLine().value(), hooksBase(), secrets);
  }

  @Override
  public Optional<Specialist> specialist(PlatformUserId managementLineUser) {
    return partner.specialist(managementLineUser);
  }

  @Override
  public List<Line> linesOf(CompanyId company) {
    return partner.linesOf(company);
  }

  @Override
  public boolean externalChannelsEnabled(CompanyId company) {
    return partner.externalChannelsEnabled(company);
  }

  @Override
  public void replyOnManagementLine(PlatformUserId specialist, String text, Keyboard keyboard) {
    management.reply(specialist, text, keyboard);
  }

  @Override
  public ApiAccountVerification verifyApiAccount(
      ApiAccount account, CompanyId company, LineId line) {
    return accountCheck.verify(account, company, line);
  }

  /**
   * Finds the bot's earlier client, then one of the name, so that neither a reconnect nor a retried
   * connect makes a second one.
   */
  @Override
  public TechnicalClient registerTechnicalClient(
      ApiAccount account, CompanyId company, String name, Optional<TechnicalClientId> earlier) {
    List<PartnerWebApi.Client> clients =
        soap.clientRead(account).stream().filter(client -> !client.deleted()).toList();
    Optional<PartnerWebApi.Client> existing =
        clients.stream()
            .filter(client -> earlier.isPresent() && client.id().equals(earlier.get().value()))
            .findFirst()
            .or(() -> clients.stream().filter(client -> client.name().equals(name)).findFirst());
    String id =
        existing.map(PartnerWebApi.Client::id).orElseGet(() -> soap.clientAdd(account, name));
    LOG.info(
        "technical client «{}» of company {}: {} {}",
        name,
        company,
        existing.isPresent() ? "found" : "created",
        id);
    return new TechnicalClient(
        new TechnicalClientId(id), existing.map(PartnerWebApi.Client::name).orElse(name));
  }

  @Override
  public PlatformUserId registerChannelUser(
      LineAccess connection,
      AccountId channelAccount,
      String displayName,
      Optional<String> username) {
    ApiAccount account = connection.apiAccount();
    // The user id is derived from the channel account, so a retry after a crash meets DUPLICATE,
    // not a twin.
    String userId =
        UUID.nameUUIDFromBytes(
                ("omnichannel-account:" + channelAccount.value()).getBytes(StandardCharsets.UTF_8))
            .toString();
    ignoringDuplicate(
        () ->
            soap.clientUserAdd(account, connection.technicalClient().value(), userId, displayName));
    ignoringDuplicate(
        () -> soap.userServiceLineAdd(account, userId, connection.line().value(), true));
    LOG.info(
        "connection {}: client user {} registered with line {}",
        connection.connection(),
        userId,
        connection.line());
    return new PlatformUserId(userId);
  }

  private static void ignoringDuplicate(Runnable call) {
    try {
      call.run();
    } catch (PlatformRejected rejected) {
      if (!"DUPLICATE".equals(rejected.code())) {
        throw rejected;
      }
    }
  }

  /**
   * Reads the user's lines once; adds the connection's line only when missing, switched on only
   * when the earlier line is on (DUPLICATE from a concurrent add means done).
   */
  @Override
  public void carryLine(LineAccess connection, PlatformUserId user, LineId from) {
    ApiAccount account = connection.apiAccount();
    String target = connection.line().value();
    List<PartnerWebApi.UserLine> lines = soap.userServiceLineRead(account, user.value(), null);
    if (lines.stream().anyMatch(line -> line.lineId().equals(target))) {
      return;
    }
    boolean on =
        lines.stream().anyMatch(line -> line.lineId().equals(from.value()) && line.active());
    ignoringDuplicate(() -> soap.userServiceLineAdd(account, user.value(), target, on));
    LOG.info(
        "connection {}: client user {} given line {} {}",
        connection.connection(),
        user,
        target,
        on ? "on" : "off (banned on line " + from + ")");
  }

  /**
   * Banned unless the user has the connection's line switched on (no row at all: the line is not
   * granted).
   */
  @Override
  public boolean isBanned(LineAccess connection, PlatformUserId user) {
    return soap
        .userServiceLineRead(connection.apiAccount(), user.value(), connection.line().value())
        .stream()
        .noneMatch(PartnerWebApi.UserLine::active);
  }

  /**
   * Sets the line's bot hook (the chats the gateway relays) and a line hook of the same line to the
   * same URL: only a line hook hears {@code subscription} events, how bans are learnt (F9). A line
   * event both hooks carry arrives twice under one {@code message_id}, and the inbox stores it once
   * (the launcher's inbox answers the second copy from memory).
   */
  @Override
  public void subscribe(LineAccess connection) {
    HookCredentials credentials = connection.hookCredentials();
    String url = hookUrl(connection.connection(), credentials).toString();
    String line = connection.line().value();
    Wire.BackAuth backAuth =
        new Wire.BackAuth("basic", credentials.login(), credentials.password().reveal());
    String auth = BasicAuth.header(connection.apiAccount());
    RestClients.run(
        "subscribe",
        () -> rest.push.setHook(auth, new Wire.HookRequest("bot", url, line, backAuth)));
    RestClients.run(
        "subscribe",
        () -> rest.push.setHook(auth, new Wire.HookRequest("line", url, line, backAuth)));
    LOG.info(
        "connection {}: hook of line {} set (bot and line hooks)",
        connection.connection(),
        connection.line());
  }

  @Override
  public void unsubscribe(LineAccess connection) {
    String auth = BasicAuth.header(connection.apiAccount());
    String line = connection.line().value();
    RestClients.run("unsubscribe", () -> rest.push.deleteBotHook(auth, line));
    RestClients.run("unsubscribe", () -> rest.push.deleteLineHook(auth, line));
    LOG.info(
        "connection {}: hook of line {} removed (bot and line hooks)",
        connection.connection(),
        connection.line());
  }

  /**
   * Hooks set before hook URLs carried a path secret point at the bare {@code
   * <publicBase>/hooks/oneconnect/<connection>} and are authenticated by back-auth alone; each such
   * hook is set again with its secret URL. One read of the account's lines per connection tells the
   * hook's URL; a hook that is absent or points elsewhere is left alone. A connection that cannot
   * be checked is logged and the rest go on.
   *
   * @return how many hooks were set again
   */
  int secureBareHooks(Collection<LineAccess> connections) {
    int secured = 0;
    for (LineAccess connection : connections) {
      try {
        if (hasBareHook(connection)) {
          subscribe(connection);
          secured++;
          LOG.info(
              "connection {}: bare hook set again with its path secret", connection.connection());
        }
      } catch (GatewayFailure failure) {
        LOG.warn(
            "connection {}: cannot check its hook for a path secret: {}",
            connection.connection(),
            failure.getMessage());
      }
    }
    return secured;
  }

  private boolean hasBareHook(LineAccess connection) {
    String bare = hooksBase() + connection.connection().value();
    String line = connection.line().value();
    return RestClients.call(
            "secureBareHooks", () -> rest.push.lines(BasicAuth.header(connection.apiAccount())))
        .stream()
        .anyMatch(
            info ->
                line.equals(info.lineId())
                    && info.hookBot() != null
                    && (info.hookBot().equals(bare) || info.hookBot().equals(bare + "/")));
  }

  void registerManagementHook(HookCredentials credentials) {
    management.registerHook(credentials);
  }

  /** A refusal for the user's or the company's sake (403 with 1C-Connect's text) is returned. */
  @Override
  public DeliveryOutcome deliverFromUser(
      LineAccess connection, PlatformUserId user, LinePost post) {
    try {
      deliver(connection, user, post);
      return DeliveryOutcome.DELIVERED;
    } catch (PlatformErrors.Refusal refused) {
      return refused.outcome();
    }
  }

  private void deliver(LineAccess connection, PlatformUserId user, LinePost post) {
    String auth = BasicAuth.header(connection.apiAccount());
    String line = connection.line().value();
    if (post instanceof LinePost.Text text) {
      RestClients.call(
          "deliverFromUser",
          () ->
              rest.receive.receiveMessage(
                  auth,
                  new Wire.ReceiveMessage(line, user.value(), text.text(), text.externalId())));
      return;
    }
    LinePost.File file = (LinePost.File) post;
    String path =
        file.kind() == FileKind.IMAGE ? "/v1/line/receive/image/" : "/v1/line/receive/file/";
    uploads.post(
        "deliverFromUser",
        path,
        auth,
        new Wire.ReceiveFileMeta(
            line, user.value(), file.fileName(), file.comment().orElse(null), file.externalId()),
        file.fileName(),
        file.mimeType(),
        file.source());
  }

  @Override
  public RemoteFile fetchLineFile(LineAccess connection, FileRef file) {
    return files.fetch(connection.apiAccount(), file);
  }

  /** {@code <publicBase>/hooks/oneconnect/<connection>.<secret>}. */
  URI hookUrl(ConnectionId connection, HookCredentials credentials) {
    return URI.create(hooksBase() + secrets.segment(connection.value(), credentials));
  }

  private String hooksBase() {
    return config.publicBase() + "/hooks/oneconnect/";
  }

  URI managementHookUrl() {
    return management.hookUrl();
  }
}
