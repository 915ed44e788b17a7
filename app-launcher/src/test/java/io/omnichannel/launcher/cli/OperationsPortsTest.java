package io.omnichannel.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.launcher.Omnichannel;
import io.omnichannel.launcher.config.ConfigLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway as {@code serve} configures it with a management port: metrics and health there, the
 * public port refusing metrics without the admin token, and a scrape an operator can use (help
 * texts, JVM, pool, HTTP and build series, counters at 0 before any event).
 */
class OperationsPortsTest {
  private static final String ADMIN_TOKEN = "an-admin-token-of-some-length";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static EmulatedServe world;
  private static Omnichannel gateway;
  private static int managementPort;
  @TempDir static Path data;

  @BeforeAll
  static void startTheGateway() throws Exception {
    world = new EmulatedServe();
    managementPort = EmulatedServe.freePort();
    Map<String, String> env = world.environment(data);
    env.put("OMNICHANNEL_ADMIN_TOKEN", ADMIN_TOKEN);
    env.put("OMNICHANNEL_MANAGEMENT_PORT", String.valueOf(managementPort));
    gateway = ServeCommand.gateway(ConfigLoader.fromEnvironment(env, Optional.empty())).start();
  }

  @AfterAll
  static void stopTheGateway() throws Exception {
    if (gateway != null) {
      gateway.stop();
    }
    world.close();
  }

  private static HttpResponse<String> get(int port, String path, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String scrape() throws Exception {
    HttpResponse<String> metrics = get(managementPort, "/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    return metrics.body();
  }

  @Test
  void theManagementPortServesMetricsAndHealthWhileThePublicPortRefusesMetricsWithoutTheToken()
      throws Exception {
    assertThat(gateway.managementPort()).contains(managementPort);
    assertThat(get(managementPort, "/health/started").statusCode()).isEqualTo(200);
    HttpResponse<String> ready = get(managementPort, "/health/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body())
        .contains("\"checks\":[")
        .contains("{\"name\":\"database\",\"status\":\"UP\"}")
        .contains("{\"name\":\"workers\",\"status\":\"UP\"}");

    int publicPort = world.port;
    HttpResponse<String> refused = get(publicPort, "/metrics");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).doesNotContain("omnichannel_");
    assertThat(get(publicPort, "/metrics", "Authorization", "Bearer wrong-token").statusCode())
        .isEqualTo(401);
    assertThat(get(publicPort, "/metrics", "Authorization", "Bearer " + ADMIN_TOKEN).statusCode())
        .isEqualTo(200);
    assertThat(get(publicPort, "/health/ready").statusCode())
        .as("health moved to the management port with the metrics")
        .isEqualTo(404);
  }

  @Test
  void everySeriesHasAHelpTextAndTheJvmPoolHttpAndBuildSeriesAreThere() throws Exception {
    get(world.port, "/health/nothing-here"); // one request for the HTTP meters
    String metrics = scrape();
    List<String> lines = Arrays.asList(metrics.split("\n"));

    assertThat(lines.stream().filter(line -> line.startsWith("# HELP ")))
        .isNotEmpty()
        .allSatisfy(help -> assertThat(help.split(" ", 4)).as(help).hasSize(4))
        .allSatisfy(help -> assertThat(help.split(" ", 4)[3]).as(help).isNotBlank());
    Set<String> described =
        lines.stream()
            .filter(line -> line.startsWith("# HELP "))
            .map(line -> line.split(" ")[2])
            .collect(Collectors.toSet());
    Set<String> families =
        lines.stream()
            .filter(line -> line.startsWith("# TYPE "))
            .map(line -> line.split(" ")[2])
            .collect(Collectors.toSet());
    assertThat(described).as("a HELP line for every family").containsAll(families);
    assertThat(families)
        .anyMatch(name -> name.startsWith("jvm_memory"))
        .anyMatch(name -> name.startsWith("jvm_gc"))
        .anyMatch(name -> name.startsWith("process_cpu"))
        .anyMatch(name -> name.startsWith("hikaricp_connections"))
        .anyMatch(name -> name.startsWith("jetty_threads"))
        .contains("http_server_requests_seconds", "omnichannel_relay_latency_seconds");
    assertThat(metrics)
        .containsPattern("omnichannel_build_info\\{version=\"[^\"]+\"} 1")
        .contains("http_server_requests_seconds_bucket{method=\"GET\"")
        .contains("uri=\"NOT_FOUND\"")
        .contains("omnichannel_relay_latency_seconds_bucket{direction=\"to_line\",le=\"0.1\"}")
        .contains("omnichannel_queue_pending{queue=\"inbox\"}")
        .contains("omnichannel_queue_oldest_pending_age_seconds{queue=\"outbox\"} 0");
  }

  @Test
  void theCountersOfFailuresAreThereAtZeroBeforeAnyEvent() throws Exception {
    String metrics = scrape();

    for (String queue : List.of("inbox", "outbox")) {
      assertThat(metrics)
          .contains("omnichannel_queue_retried_total{queue=\"" + queue + "\"} 0.0")
          .contains("omnichannel_queue_rate_limited_total{queue=\"" + queue + "\"} 0.0")
          .contains("omnichannel_queue_dead_total{queue=\"" + queue + "\"} 0.0")
          .contains("omnichannel_queue_completed_total{queue=\"" + queue + "\"} 0.0");
    }
    assertThat(metrics)
        .contains("omnichannel_relayed_total{direction=\"to_line\"} 0.0")
        .contains("omnichannel_relayed_total{direction=\"to_channel\"} 0.0")
        .contains("omnichannel_dropped_total{direction=\"to_channel\",reason=\"bot_blocked\"} 0.0")
        .contains("omnichannel_inbound_duplicates_total{kind=\"channel_update\"} 0.0")
        .contains("omnichannel_notices_total 0.0");
  }
}
