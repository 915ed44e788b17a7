package io.omnichannel.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.Direction;
import io.omnichannel.core.domain.DroppedMessage;
import io.omnichannel.core.fakes.InMemoryLogs;
import io.omnichannel.launcher.metrics.Metering;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OperationsEndpointsTest {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicBoolean databaseUp = new AtomicBoolean(true);
  private final AtomicBoolean started = new AtomicBoolean();
  private final HttpClient http = HttpClient.newHttpClient();
  private Javalin server;

  @BeforeEach
  void start() {
    server = Javalin.create();
    new HealthEndpoint(
            List.of(
                new HealthEndpoint.Check("database", databaseUp::get),
                new HealthEndpoint.Check("workers", () -> true)),
            started::get)
        .mount(server);
    MetricsEndpoint.open(registry, () -> {}).mount(server);
    server.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void readinessFailsAndNamesTheCheckWhileTheDatabaseIsDown() throws Exception {
    assertThat(get("/health/ready").statusCode()).isEqualTo(200);

    databaseUp.set(false);
    HttpResponse<String> ready = get("/health/ready");

    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body())
        .contains("{\"name\":\"database\",\"status\":\"DOWN\"}")
        .contains("{\"name\":\"workers\",\"status\":\"UP\"}");
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void startedAnswersOnlyOnceTheGatewayHasStarted() throws Exception {
    assertThat(get("/health/started").statusCode()).isEqualTo(503);

    started.set(true);

    assertThat(get("/health/started").statusCode()).isEqualTo(200);
  }

  @Test
  void metricsCountDroppedMessagesByReasonInPrometheusFormat() throws Exception {
    var dropped = new Metering(registry).droppedMessages(new InMemoryLogs());
    dropped.record(
        new DroppedMessage(
            new ConnectionId("c1"),
            Optional.empty(),
            Direction.TO_LINE,
            DroppedMessage.DropReason.BANNED,
            "telegram:1:7",
            Instant.EPOCH));

    HttpResponse<String> metrics = get("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("omnichannel_dropped_total{direction=\"to_line\",reason=\"banned\"} 1.0")
        .doesNotContain("c1");
  }
}
