package io.omnichannel.e2e;

import io.omnichannel.core.domain.HookCredentials;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.launcher.Omnichannel;
import io.omnichannel.oneconnect.OneConnectConfig;
import io.omnichannel.persistence.PersistenceConfig;
import io.omnichannel.telegram.TelegramConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The gateway alone in a JVM of its own, so that a test can kill it (SIGKILL, no shutdown hook,
 * nothing flushed) in the middle of its work. Arguments are {@code key=value} (a server database
 * with {@code jdbcUrl}, {@code jdbcUser}, {@code jdbcPassword}, else the embedded one in {@code
 * data}); prints {@code READY} once serving.
 */
public final class GatewayProcessMain {
  private GatewayProcessMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> arg = new HashMap<>();
    for (String pair : args) {
      int eq = pair.indexOf('=');
      arg.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    int port = Integer.parseInt(arg.get("port"));
    URI publicBase = URI.create(arg.getOrDefault("publicBase", "http://127.0.0.1:" + port));
    Omnichannel gateway =
        Omnichannel.builder()
            .persistence(
                arg.containsKey("jdbcUrl")
                    ? PersistenceConfig.server(
                        arg.get("jdbcUrl"),
                        arg.get("jdbcUser"),
                        arg.getOrDefault("jdbcPassword", ""),
                        Path.of(arg.get("data")))
                    : PersistenceConfig.embedded(Path.of(arg.get("data"))))
            .publicBaseUrl(publicBase)
            .telegram(
                TelegramConfig.of(
                        TelegramConfig.ReceiveMode.POLLING, publicBase, arg.get("instance"))
                    .withApiBaseUrl(URI.create(arg.get("telegram")))
                    .withTimeouts(timeouts(arg))
                    .withPacing(
                        TelegramConfig.Pacing.telegram()
                            .scaled(Double.parseDouble(arg.getOrDefault("pacingScale", "0.02")))))
            .oneConnect(
                OneConnectConfig.of(
                        "gateway",
                        Secret.of("gw-pass"),
                        new LineId(arg.get("managementLine")),
                        publicBase)
                    .withEndpoints(URI.create(arg.get("oneConnect")), URI.create(arg.get("soap"))))
            .managementHook(
                new HookCredentials(arg.get("hookLogin"), Secret.of(arg.get("hookPassword"))))
            .httpServer("127.0.0.1", port)
            .workers(2)
            .queueLease(
                Duration.ofMillis(Long.parseLong(arg.getOrDefault("queueLeaseMs", "10000"))))
            .build()
            .start();
    System.out.println("READY");
    System.out.flush();
    Thread.currentThread().join();
    gateway.stop();
  }

  /** Short polls and back-offs; {@code requestTimeoutMs} bounds a send's call (30 s by default). */
  private static TelegramConfig.Timeouts timeouts(Map<String, String> arg) {
    TelegramConfig.Timeouts defaults = TelegramConfig.Timeouts.defaults();
    return new TelegramConfig.Timeouts(
            defaults.connect(),
            Duration.ofMillis(Long.parseLong(arg.getOrDefault("requestTimeoutMs", "30000"))),
            defaults.upload(),
            defaults.longPoll(),
            defaults.backoffMin(),
            defaults.backoffMax(),
            defaults.leaseTtl())
        .withLongPoll(Duration.ofSeconds(1))
        .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2));
  }
}
