package io.omnichannel.e2e;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A {@link GatewayProcessMain} in a JVM of its own, for a test to kill with SIGKILL. */
final class ChildGateway {
  private ChildGateway() {}

  /** Starts the gateway with these {@code key=value} arguments; returns once it prints READY. */
  static Process start(List<String> arguments, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                GatewayProcessMain.class.getName()));
    command.addAll(arguments);
    Process process =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.to(new File(log.toString())))
            .start();
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  if (line.equals("READY")) {
                    ready.complete(null);
                  }
                }
                ready.completeExceptionally(
                    new AssertionError(
                        "the gateway process ended before it was ready; see " + log));
              } catch (Exception e) {
                ready.completeExceptionally(e);
              }
            },
            "child-gateway-stdout");
    reader.setDaemon(true);
    reader.start();
    ready.get(60, TimeUnit.SECONDS);
    return process;
  }
}
