package io.omnichannel.testkit.support;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.stream.Stream;

/**
 * What a Bot API emulator owns besides its server: a timer, the HTTP client (and its threads) that
 * posts to webhooks, and a spool directory for uploads. Closing releases them all.
 */
public final class EmulatorRuntime implements AutoCloseable {
  private final Path spool;
  private final ScheduledThreadPoolExecutor scheduler;
  private final ExecutorService webhookExecutor;
  private final HttpClient webhookHttp;

  /**
   * @param name names the threads and the spool, e.g. {@code telegram-emulator}
   */
  public EmulatorRuntime(String name, Duration webhookConnectTimeout) throws IOException {
    this.spool = Files.createTempDirectory(name + "-uploads");
    this.scheduler = new ScheduledThreadPoolExecutor(1, Waiting.daemonThreads(name + "-timer"));
    this.scheduler.setRemoveOnCancelPolicy(true);
    this.webhookExecutor =
        Executors.newFixedThreadPool(2, Waiting.daemonThreads(name + "-webhook"));
    this.webhookHttp =
        HttpClient.newBuilder()
            .executor(webhookExecutor)
            .connectTimeout(webhookConnectTimeout)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  public ScheduledThreadPoolExecutor scheduler() {
    return scheduler;
  }

  public HttpClient webhookHttp() {
    return webhookHttp;
  }

  public Path spool() {
    return spool;
  }

  @Override
  public void close() {
    Waiting.shutDown(scheduler, webhookExecutor);
    try (Stream<Path> paths = Files.walk(spool)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // a temp directory left behind is harmless
    }
  }
}
