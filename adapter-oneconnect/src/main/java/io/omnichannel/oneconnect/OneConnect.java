package io.omnichannel.oneconnect;

import io.omnichannel.core.domain.HookCredentials;
import io.omnichannel.core.domain.LineAccess;
import io.omnichannel.core.port.in.InboundGateway;
import io.omnichannel.core.port.out.LineEventDecoder;
import io.omnichannel.core.port.out.LineRelay;
import io.omnichannel.core.port.out.LineSetup;
import io.omnichannel.core.port.out.ManagementDesk;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The 1C-Connect adapter, the one thing the launcher uses: {@link #managementDesk()}, {@link
 * #lineSetup()}, {@link #lineRelay()} and {@link #lineEventDecoder()} for the core, {@link
 * #hookHandler()} to mount at {@code POST /hooks/oneconnect/{hook}}, and {@link #secureBareHooks}
 * then {@link #registerManagementHook} to call once at start-up.
 *
 * <pre>{@code
 * OneConnect oneConnect = OneConnect.create(OneConnectConfig.of("gateway", Secret.of(pw), managementLine,
 *     URI.create("https://gateway.example")), inboundGateway);
 * oneConnect.registerManagementHook(managementHookCredentials);
 * // POST /hooks/oneconnect/{hook} → oneConnect.hookHandler().handle(hook, authorizationHeader, bodyReader)
 * }</pre>
 */
public final class OneConnect {
  private final OneConnectPlatform platform;
  private final HookEventDecoder decoder;
  private final HookEndpoint hooks;

  private OneConnect(OneConnectPlatform platform, HookEventDecoder decoder, HookEndpoint hooks) {
    this.platform = platform;
    this.decoder = decoder;
    this.hooks = hooks;
  }

  public static OneConnect create(OneConnectConfig config, InboundGateway gateway) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(gateway, "gateway");
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(config.connectTimeout())
            .build();
    RestClients rest = new RestClients(http, config);
    HookPathSecrets secrets = new HookPathSecrets(config.servicePassword());
    OneConnectPlatform platform =
        new OneConnectPlatform(
            config,
            secrets,
            rest,
            new Uploads(http, config.restBase(), config.readTimeout()),
            new PartnerWebApi(
                new SoapClient(http, config.soapUrl(), config.readTimeout(), config.soapVersion())),
            new LineFiles(http, config.restBase(), config.readTimeout()));
    return new OneConnect(platform, new HookEventDecoder(), new HookEndpoint(gateway, secrets));
  }

  /** The management line and the companies behind it, with the service's own account. */
  public ManagementDesk managementDesk() {
    return platform;
  }

  /** Checking an API account, the bot's technical client, and the line's hook. */
  public LineSetup lineSetup() {
    return platform;
  }

  /** Users, bans, messages and files of a connected line, with the line's API account. */
  public LineRelay lineRelay() {
    return platform;
  }

  public LineEventDecoder lineEventDecoder() {
    return decoder;
  }

  public HookHandler hookHandler() {
    return hooks;
  }

  /**
   * Sets the management line's hook ({@code type: "line"}) with the service account, so that every
   * message a specialist writes there reaches {@link InboundGateway#acceptManagementEvent} with
   * these credentials.
   */
  public void registerManagementHook(HookCredentials credentials) {
    platform.registerManagementHook(Objects.requireNonNull(credentials, "credentials"));
  }

  /**
   * Sets again, with its path secret, every connection's hook that 1C-Connect still holds under the
   * bare URL of before path secrets came (authenticated by back-auth alone, which the real service
   * may ignore). Run at start, before the management hook; a connection that cannot be checked is
   * logged and skipped.
   *
   * @return how many hooks were set again
   */
  public int secureBareHooks(Collection<LineAccess> connections) {
    return platform.secureBareHooks(List.copyOf(connections));
  }

  /**
   * {@code <publicBase>/hooks/oneconnect/management.<secret>} once {@link #registerManagementHook}
   * ran, {@code <publicBase>/hooks/oneconnect/management} before.
   */
  public URI managementHookUrl() {
    return platform.managementHookUrl();
  }

  /**
   * Events of an unknown kind ignored since start (for metrics), by {@code message_type:<code>} or
   * {@code event_type:<name>}.
   */
  public Map<String, Long> ignoredEventTypes() {
    return decoder.ignoredEventTypes();
  }

  /**
   * Line events acknowledged unstored since start (for metrics): a connection's echo of its user's
   * own text or file ({@code author_id == user_id}), which is never relayed back.
   */
  public long echoesUnstored() {
    return hooks.echoes();
  }

  /**
   * 1C-Connect's calls to our hooks. The launcher mounts it at {@code POST
   * /hooks/oneconnect/{hook}} and writes the answer's status and text as it is; {@code hook} is a
   * connection id or {@code "management"}, followed by a dot and the hook's path secret (hooks
   * registered before path secrets came have none, and authenticate by back-auth alone). {@code
   * body} reads the request body and is called only after the credentials are checked, so a
   * stranger's body is never read; what it throws (the host refusing a body over its limit or
   * broken in transfer) is not caught here: the host answers it.
   */
  @FunctionalInterface
  public interface HookHandler {
    HookResponse handle(String hook, String authorizationHeader, Supplier<byte[]> body);
  }

  /**
   * What to answer a hook call: 200 once stored, 400 malformed (or an id too long to store), 401
   * wrong credentials, 404, 503 retry later.
   */
  public record HookResponse(int status, String text) {
    public HookResponse {
      Objects.requireNonNull(text, "text");
    }

    static HookResponse of(int status, String text) {
      return new HookResponse(status, text);
    }
  }
}
