package io.omnichannel.launcher.bench;

import io.omnichannel.launcher.cli.OmnichannelCommand;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code serve} launched as the service is, in a JVM of its own on a fresh embedded database (an
 * empty data folder), timed from the launch until {@code /health/ready} answers 200; the process is
 * then stopped (SIGTERM, the graceful stop).
 *
 * <p>By default the shipped jar with its class archive, as the README runs it: {@code java
 * -XX:SharedArchiveFile=target/omnichannel.jsa -jar target/omnichannel.jar serve} ({@code
 * bench.coldstart.jar}, {@code bench.coldstart.archive}; an empty jar launches from this JVM's
 * class path instead, where no archive applies).
 */
final class ColdStart {
  private ColdStart() {}

  /**
   * The variables {@code serve} needs besides its data folder and port: the emulators' addresses,
   * the management line and its API account (login {@code gateway}, password {@code gw-pass}).
   */
  static Map<String, String> environment(
      String telegramUrl, String oneConnectRestUrl, String oneConnectSoapUrl, String lineId) {
    return Map.of(
        "OMNICHANNEL_TELEGRAM_API_URL", telegramUrl,
        "OMNICHANNEL_ONECONNECT_REST_URL", oneConnectRestUrl,
        "OMNICHANNEL_ONECONNECT_SOAP_URL", oneConnectSoapUrl,
        "OMNICHANNEL_ONECONNECT_LOGIN", "gateway",
        "OMNICHANNEL_ONECONNECT_PASSWORD", "gw-pass",
        "OMNICHANNEL_MANAGEMENT_LINE_ID", lineId);
  }

  /**
   * The launch the system properties describe: {@code bench.coldstart.jvm} (JVM options,
   * space-separated), {@code bench.coldstart.jar} and {@code bench.coldstart.archive}.
   */
  static List<String> configuredLaunch() {
    List<String> options = new ArrayList<>();
    String jvm = System.getProperty("bench.coldstart.jvm", "").trim();
    if (!jvm.isEmpty()) {
      options.addAll(List.of(jvm.split("\\s+")));
    }
    String jar = System.getProperty("bench.coldstart.jar", "").trim();
    if (jar.isEmpty()) {
      return serve(options, Optional.empty());
    }
    String archive = System.getProperty("bench.coldstart.archive", "").trim();
    if (!archive.isEmpty()) {
      options.add(0, "-XX:SharedArchiveFile=" + archive);
    }
    return serve(options, Optional.of(Path.of(jar)));
  }

  /** The configured launch in words, for the report: the jar and whether its archive is there. */
  static String describeLaunch() {
    String jar = System.getProperty("bench.coldstart.jar", "").trim();
    if (jar.isEmpty()) {
      return "serve from the class path";
    }
    String archive = System.getProperty("bench.coldstart.archive", "").trim();
    if (archive.isEmpty()) {
      return "java -jar " + jar + " serve, no class archive";
    }
    return "java -XX:SharedArchiveFile="
        + archive
        + " -jar "
        + jar
        + " serve"
        + (Files.isRegularFile(Path.of(archive))
            ? ""
            : " (the archive is MISSING: started without)");
  }

  /**
   * {@code java <options> -jar <jar> serve}, or from this JVM's class path when no jar is given.
   */
  static List<String> serve(List<String> jvmOptions, Optional<Path> jar) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    if (jar.isPresent()) {
      command.addAll(List.of("-jar", jar.get().toString()));
    } else {
      command.addAll(
          List.of(
              "-cp", System.getProperty("java.class.path"), OmnichannelCommand.class.getName()));
    }
    command.add("serve");
    return command;
  }

  /** Milliseconds to ready, or -1 when it was not ready within {@code limit}. */
  static long measure(Map<String, String> environment, Path dataFolder, Duration limit)
      throws IOException, InterruptedException {
    return measure(configuredLaunch(), environment, dataFolder, limit, true);
  }

  /**
   * As {@link #measure(Map, Path, Duration)}, launching {@code command}, with the CPU time and the
   * phases printed when {@code report}; returns once the process has ended.
   */
  static long measure(
      List<String> command,
      Map<String, String> environment,
      Path dataFolder,
      Duration limit,
      boolean report)
      throws IOException, InterruptedException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Path log = Files.createTempFile("omnichannel-cold-start", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    // none of this machine's own settings (a database URL above all): only the emulators' world
    builder.environment().keySet().removeIf(name -> name.startsWith("OMNICHANNEL_"));
    builder.environment().putAll(environment);
    builder.environment().put("OMNICHANNEL_DATA_DIR", dataFolder.toString());
    builder.environment().put("OMNICHANNEL_HTTP_HOST", "127.0.0.1");
    builder.environment().put("OMNICHANNEL_HTTP_PORT", Integer.toString(port));
    builder
        .environment()
        .put("OMNICHANNEL_LOG_LEVEL", "info"); // the phases' lines, for the breakdown
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
            .timeout(Duration.ofSeconds(1))
            .build();
    Instant launched = Instant.now();
    long began = System.nanoTime();
    Process serve = builder.start();
    try {
      while (System.nanoTime() - began < limit.toNanos() && serve.isAlive()) {
        try {
          if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            long millis = (System.nanoTime() - began) / 1_000_000;
            if (!report) {
              return millis;
            }
            System.out.printf(
                "cold start: ready in %d ms, the process had used %s of CPU (%s)%n",
                millis, cpuTime(serve.pid()), ThreadCpu.byKind(serve.pid()));
            return millis;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
      }
      System.out.println("cold start: not ready; its output follows");
      System.out.println(Files.readString(log));
      return -1;
    } finally {
      serve.destroy();
      if (!serve.waitFor(20, TimeUnit.SECONDS)) {
        serve.destroyForcibly();
        serve.waitFor();
      }
      if (report) {
        StartPhases.print(Files.readAllLines(log), launched);
      }
      String keep = System.getProperty("bench.coldstart.log", "").trim();
      if (keep.isEmpty()) {
        Files.deleteIfExists(log);
      } else {
        Files.move(log, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** User and system time of a process so far, from {@code /proc} (Linux; "?" elsewhere). */
  private static String cpuTime(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return ticks * 10 + " ms"; // USER_HZ is 100 on Linux
    } catch (IOException | RuntimeException unavailable) {
      return "?";
    }
  }
}
