package io.omnichannel.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.failure.PlatformRejected;
import io.omnichannel.core.domain.failure.PlatformUnavailable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a broken or absent 1C-Connect looks like to the core: 5xx and no answer are retryable, the
 * ticket redirect and other statuses are rejections, and no secret reaches an exception or a log
 * line.
 */
class FailureMappingTest extends SharedEmulator {
  private static final String PASSWORD = "Very-Secret-Pa55-42";

  @Test
  void aServerErrorIsRetryablyUnavailableOnRestAndSoap() throws Exception {
    HttpServer broken =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    broken.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(503, -1);
          exchange.close();
        });
    broken.start();
    try {
      URI base = URI.create("http://127.0.0.1:" + broken.getAddress().getPort());
      OneConnectPlatform platform = platformAt(base, URI.create(base + "/cus/ws/PartnerWebAPI2"));

      assertThatThrownBy(() -> platform.linesOf(new CompanyId("c")))
          .isInstanceOfSatisfying(
              PlatformUnavailable.class, e -> assertThat(e.retryable()).isTrue())
          .hasMessageContaining("503");
      assertThatThrownBy(
              () ->
                  platform.deliverFromUser(
                      world.connection(), new PlatformUserId("u"), new LinePost.Text("x", "e-1")))
          .isInstanceOf(PlatformUnavailable.class);
      assertThatThrownBy(
              () ->
                  platform.registerTechnicalClient(
                      account(), new CompanyId("c"), "Telegram: x", Optional.empty()))
          .isInstanceOf(PlatformUnavailable.class);
    } finally {
      broken.stop(0);
    }
  }

  @Test
  void noAnswerIsRetryablyUnavailableAndNamesTheOperation() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    URI base = URI.create("http://127.0.0.1:" + closedPort);
    OneConnectPlatform platform = platformAt(base, URI.create(base + "/cus/ws/PartnerWebAPI2"));

    assertThatThrownBy(
            () -> platform.verifyApiAccount(account(), new CompanyId("c"), new LineId("l")))
        .isInstanceOfSatisfying(PlatformUnavailable.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageStartingWith("verifyApiAccount:");
    assertThatThrownBy(() -> platform.isBanned(world.connection(), new PlatformUserId("u")))
        .isInstanceOf(PlatformUnavailable.class)
        .hasMessageStartingWith("UserServiceLineRead:");
  }

  @Test
  void theUnslashedTicketRedirectIsNotFollowedButRejected() {
    TicketApi tickets =
        RestClients.target(
            java.net.http.HttpClient.newHttpClient(), world.config(), TicketApi.class);

    assertThatThrownBy(
            () ->
                RestClients.call("ticket", () -> tickets.ticket(BasicAuth.header(world.account()))))
        .isInstanceOfSatisfying(
            PlatformRejected.class, e -> assertThat(e.code()).isEqualTo("HTTP 301"));
  }

  /** A resource the real service redirects when unslashed, to show the client's redirect policy. */
  interface TicketApi {
    @feign.RequestLine("GET /v1/ticket/42")
    @feign.Headers("Authorization: {auth}")
    String ticket(@feign.Param("auth") String auth);
  }

  @Test
  void noSecretReachesAnExceptionOrALogLine() {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    String printed;
    try {
      OneConnectPlatform platform = world.platform();
      ApiAccount wrong = new ApiAccount(world.login, Secret.of(PASSWORD));
      Throwable rest =
          catchFailure(
              () ->
                  platform.deliverFromUser(
                      world.connection(wrong),
                      new PlatformUserId(world.user.id()),
                      new LinePost.Text("x", "e-2")));
      Throwable soap =
          catchFailure(
              () ->
                  platform.registerTechnicalClient(
                      wrong, world.companyId(), "Telegram: x", Optional.empty()));
      Throwable verify = catchFailure(() -> platform.subscribe(world.connection(wrong)));
      platform.subscribe(world.connection());
      platform.replyOnManagementLine(
          new PlatformUserId(world.specialist.id()),
          "ok",
          io.omnichannel.core.domain.Keyboard.UNCHANGED);
      printed =
          Secrets.everythingPrintable(rest)
              + Secrets.everythingPrintable(soap)
              + Secrets.everythingPrintable(verify)
              + world.config()
              + wrong
              + world.connection(wrong);
    } finally {
      System.setErr(originalErr);
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    assertThat(logs)
        .as("the logs were captured")
        .contains("hook of line " + world.support.id() + " set");
    String basic = BasicAuth.header(world.login, Secret.of(PASSWORD)).substring("Basic ".length());
    assertThat(printed + logs)
        .doesNotContain(PASSWORD, basic, TestWorld.SERVICE_PASSWORD, "hook-Pa55word!");
  }

  @Test
  void theConfigNamesTheBadFieldAndHidesThePassword() {
    OneConnectConfig config = world.config();

    assertThat(config.toString()).doesNotContain(TestWorld.SERVICE_PASSWORD);
    assertThat(config.restBase().toString()).doesNotEndWith("/");
    assertThatThrownBy(() -> config.withEndpoints(URI.create("ftp://x"), config.soapUrl()))
        .hasMessageContaining("restBase");
    assertThatThrownBy(() -> config.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
        .hasMessageContaining("connectTimeout");
    assertThat(
            OneConnectConfig.of(
                "svc", Secret.of("p"), new LineId("l"), URI.create("https://g.example/")))
        .satisfies(
            c -> {
              assertThat(c.restBase()).hasToString(OneConnectConfig.DEFAULT_REST_BASE);
              assertThat(c.soapUrl()).hasToString(OneConnectConfig.DEFAULT_SOAP_URL);
              assertThat(c.publicBase()).hasToString("https://g.example");
            });
  }

  private OneConnectPlatform platformAt(URI rest, URI soap) {
    OneConnectConfig config =
        world
            .config()
            .withEndpoints(rest, soap)
            .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
    return (OneConnectPlatform)
        OneConnect.create(config, new TestWorld.RefusingGateway()).lineRelay();
  }

  private ApiAccount account() {
    return world.account();
  }

  private static Throwable catchFailure(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("expected a failure");
  }
}
