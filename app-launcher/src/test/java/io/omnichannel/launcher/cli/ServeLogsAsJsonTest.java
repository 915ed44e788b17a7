package io.omnichannel.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code omnichannel serve} as a process of its own under {@code OMNICHANNEL_LOG_FORMAT=json},
 * against the emulators on loopback: from start to a graceful stop, every line it prints is one
 * JSON object, and the libraries' start-up chatter is gone.
 */
class ServeLogsAsJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyLineServePrintsIsAJsonObject(@TempDir Path data) throws Exception {
    try (EmulatedServe world = new EmulatedServe()) {
      Map<String, String> env = world.environment(data.resolve("data"));
      env.put("OMNICHANNEL_LOG_FORMAT", "json");
      Path output = data.resolve("serve.out");
      Process serve = start(env, output);
      try {
        awaitStarted(world.port, serve, output);
        // a refused hook call: the gateway logs it at warn or debug, never as text
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + world.port + "/hooks/telegram/unknown"))
                    .POST(HttpRequest.BodyPublishers.ofString("{not json"))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
      } finally {
        serve.destroy(); // SIGTERM: the shutdown hook stops the gateway gracefully
        assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("serve stopped").isTrue();
      }

      List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
      assertThat(lines).as("serve printed its start and its stop").hasSizeGreaterThanOrEqualTo(2);
      List<String> messages = new ArrayList<>();
      for (String line : lines) {
        JsonNode entry = JSON.readTree(line);
        assertThat(entry.isObject()).as(line).isTrue();
        assertThat(entry.path("level").asText()).as(line).isNotEmpty();
        messages.add(entry.path("loggerName").asText() + " " + entry.path("formattedMessage"));
      }
      assertThat(messages)
          .anyMatch(message -> message.contains("serving on 127.0.0.1:" + world.port))
          .anyMatch(message -> message.contains("omnichannel stopped"))
          .noneMatch(message -> message.contains("days old"))
          .noneMatch(message -> message.startsWith("org.eclipse.jetty"))
          .noneMatch(message -> message.startsWith("org.flywaydb"))
          .noneMatch(message -> message.startsWith("com.zaxxer.hikari"));
    }
  }

  @Test
  void aFailedStartIsOneMoreJsonLine(@TempDir Path data) throws Exception {
    try (EmulatedServe world = new EmulatedServe();
        ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Map<String, String> env = world.environment(data.resolve("data"));
      env.put("OMNICHANNEL_LOG_FORMAT", "json");
      env.put("OMNICHANNEL_HTTP_PORT", String.valueOf(taken.getLocalPort()));
      Path output = data.resolve("serve.out");

      Process serve = start(env, output);

      assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("serve gave up").isTrue();
      assertThat(serve.exitValue()).isEqualTo(StartFailures.EXIT);
      List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
      assertThat(lines).isNotEmpty();
      for (String line : lines) {
        assertThat(JSON.readTree(line).isObject()).as(line).isTrue();
      }
      assertThat(lines)
          .anyMatch(
              line ->
                  line.contains("\"level\":\"ERROR\"") && line.contains("OMNICHANNEL_HTTP_PORT"));
    }
  }

  private static Process start(Map<String, String> env, Path output) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                OmnichannelCommand.class.getName(),
                "serve")
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  private static void awaitStarted(int port, Process serve, Path output) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(serve.isAlive())
          .as("serve is running: %s", Files.readString(output, StandardCharsets.UTF_8))
          .isTrue();
      try {
        int status =
            http.send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/health/started"))
                        .timeout(Duration.ofSeconds(2))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // the port is not bound yet
      }
      serve.waitFor(100, TimeUnit.MILLISECONDS); // wakes at once if serve dies
    }
    throw new AssertionError("serve did not start: " + Files.readString(output));
  }
}
