package io.omnichannel.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.TechnicalClient;
import io.omnichannel.core.port.in.InboundGateway;
import io.omnichannel.launcher.Omnichannel;
import io.omnichannel.launcher.config.ConfigLoader;
import io.omnichannel.oneconnect.OneConnect;
import io.omnichannel.testkit.max.MaxEmulator;
import io.omnichannel.testkit.max.MaxEmulatorConfig;
import io.omnichannel.testkit.oneconnect.Company;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.OneConnectEmulator;
import io.omnichannel.testkit.oneconnect.RecordedRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
  private static final String ADMIN_TOKEN = "an-admin-token-of-some-length";

  @Test
  void refusesToStartOnABadConfigurationAndSaysWhy() {
    StringWriter err = new StringWriter();
    CommandLine commandLine =
        OmnichannelCommand.commandLine(
            Map.of("OMNICHANNEL_ONECONNECT_PASSWORD", "hunter2-hunter2"));
    commandLine.setErr(new PrintWriter(err, true));

    assertThat(commandLine.execute("serve")).isEqualTo(2);
    assertThat(err.toString())
        .contains("OMNICHANNEL_ONECONNECT_LOGIN is required")
        .contains("OMNICHANNEL_MANAGEMENT_LINE_ID is required")
        .doesNotContain("hunter2");
  }

  @Test
  void theConfiguredGatewayStartsReadyAndRegistersTheManagementHook(@TempDir Path data)
      throws Exception {
    try (EmulatedServe world = new EmulatedServe()) {
      OneConnectEmulator oneConnect = world.oneConnect;
      int port = world.port;
      Map<String, String> env = world.environment(data);
      env.put("OMNICHANNEL_ADMIN_TOKEN", ADMIN_TOKEN);

      Omnichannel gateway =
          ServeCommand.gateway(ConfigLoader.fromEnvironment(env, Optional.empty())).start();
      try {
        HttpResponse<String> ready =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(
                oneConnect
                    .inspection()
                    .awaitRequest(
                        request -> request.path().startsWith("/v1/hook"), Duration.ofSeconds(10))
                    .body())
            .contains("/hooks/oneconnect/management")
            .contains(EmulatedServe.HOOK_PASSWORD);
        String metrics =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                        .header("Authorization", "Bearer " + ADMIN_TOKEN)
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(metrics)
            .as("the adapters' own counts are wired into the metrics")
            .contains(
                "omnichannel_ignored_total{source=\"telegram\"} 0.0",
                "omnichannel_ignored_total{source=\"oneconnect\"} 0.0",
                "omnichannel_polling_bots{channel=\"telegram\"} 0.0");
      } finally {
        gateway.stop();
      }
    }
  }

  @Test
  void maxEnabledByItsSettingsMountsItsWebhookAndMetersItsUpdates(@TempDir Path data)
      throws Exception {
    try (EmulatedServe world = new EmulatedServe();
        MaxEmulator max = MaxEmulator.start(MaxEmulatorConfig.forTests())) {
      int port = world.port;
      Map<String, String> env = world.environment(data);
      env.put("OMNICHANNEL_ADMIN_TOKEN", ADMIN_TOKEN);
      env.put("OMNICHANNEL_MAX_ENABLED", "true");
      env.put("OMNICHANNEL_MAX_API_URL", max.baseUrl());

      Omnichannel gateway =
          ServeCommand.gateway(ConfigLoader.fromEnvironment(env, Optional.empty())).start();
      try {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> hook =
            client.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/hooks/max/no-such-connection"))
                    .header("X-Max-Bot-Api-Secret", "some-secret")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(hook.statusCode())
            .as("the MAX route is mounted: its handler answers, not the server's 404 page")
            .isIn(401, 404);
        assertThat(hook.body()).contains("\"success\":false");
        String metrics =
            client
                .send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                        .header("Authorization", "Bearer " + ADMIN_TOKEN)
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(metrics)
            .contains(
                "omnichannel_ignored_total{source=\"telegram\"} 0.0",
                "omnichannel_ignored_total{source=\"max\"} 0.0",
                "omnichannel_polling_bots{channel=\"telegram\"} 0.0",
                "omnichannel_polling_bots{channel=\"max\"} 0.0");
      } finally {
        gateway.stop();
      }
    }
  }

  @Test
  void aGatewayConfiguredForSoap12SpeaksSoap12(@TempDir Path data) throws Exception {
    try (OneConnectEmulator oneConnect = OneConnectEmulator.start()) {
      Company vendor = oneConnect.world().addCompany("1С-Коннект", true);
      Line management =
          oneConnect.world().addManagementLine(vendor.id(), "1С-Коннект: Управление каналами");
      Company client = oneConnect.world().addCompany("Клиент", true);
      oneConnect.world().addApiAccount("bot-api", "bot-pass", client.id(), Map.of());
      Map<String, String> env = new HashMap<>();
      env.put("OMNICHANNEL_DATA_DIR", data.toString());
      env.put("OMNICHANNEL_ONECONNECT_REST_URL", oneConnect.baseUrl());
      env.put("OMNICHANNEL_ONECONNECT_SOAP_URL", oneConnect.soapUrl());
      env.put("OMNICHANNEL_ONECONNECT_LOGIN", "gateway");
      env.put("OMNICHANNEL_ONECONNECT_PASSWORD", "gw-pass");
      env.put("OMNICHANNEL_MANAGEMENT_LINE_ID", management.id());
      env.put("OMNICHANNEL_ONECONNECT_SOAP_VERSION", "1.2");

      OneConnect adapter =
          OneConnect.create(
              ServeCommand.oneConnectConfig(ConfigLoader.fromEnvironment(env, Optional.empty())),
              unusedGateway());
      TechnicalClient created =
          adapter
              .lineSetup()
              .registerTechnicalClient(
                  new ApiAccount("bot-api", Secret.of("bot-pass")),
                  new CompanyId(client.id()),
                  "Telegram: бот",
                  Optional.empty());

      assertThat(created.name()).isEqualTo("Telegram: бот");
      RecordedRequest soap =
          oneConnect
              .inspection()
              .awaitRequest(request -> request.body().contains("ClientAdd"), Duration.ofSeconds(5));
      assertThat(soap.contentType()).startsWith("application/soap+xml");
      assertThat(soap.body()).contains("http://www.w3.org/2003/05/soap-envelope");
      assertThat(soap.status()).isEqualTo(200);
    }
  }

  /** Hooks are not exercised: only the adapter's calls out are. */
  private static InboundGateway unusedGateway() {
    return (InboundGateway)
        Proxy.newProxyInstance(
            InboundGateway.class.getClassLoader(),
            new Class<?>[] {InboundGateway.class},
            (proxy, method, args) -> {
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
