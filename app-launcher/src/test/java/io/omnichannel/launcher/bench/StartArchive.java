package io.omnichannel.launcher.bench;

import io.omnichannel.testkit.oneconnect.Company;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.OneConnectEmulator;
import io.omnichannel.testkit.oneconnect.OneConnectEmulatorConfig;
import io.omnichannel.testkit.telegram.TelegramEmulator;
import io.omnichannel.testkit.telegram.TelegramEmulatorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Makes the shipped jar's class archive ({@code target/omnichannel.jsa}, app-launcher's {@code
 * package} phase, right after the jar): one real start of {@code java -jar omnichannel.jar serve}
 * on a fresh embedded database against the emulators, until {@code /health/ready} answers, then the
 * graceful stop, with {@code -XX:ArchiveClassesAtExit}. A start with {@code
 * -XX:SharedArchiveFile=omnichannel.jsa} maps the classes that start loaded, already parsed and
 * verified, and the lambdas it spun, instead of reading them from the jar: on two cores it uses
 * about a third less CPU and is ready sooner (issue 13's cold start).
 *
 * <p>The archive is written beside and moved into place only once a start has mapped it ({@code
 * -Xshare:on}): a half-written archive would crash the JVM that maps it. An archive fits one jar
 * file (its size and time) and one JDK build; a stale one is deleted first. Nothing here fails the
 * build: without an archive, {@code serve} starts as before, only slower.
 *
 * <p>Arguments: the jar and the archive to make.
 */
public final class StartArchive {
  private StartArchive() {}

  public static void main(String[] args) throws Exception {
    Path archive = Path.of(args[1]);
    Optional<String> failure = make(Path.of(args[0]), archive);
    if (failure.isPresent()) {
      System.out.println(
          "start archive: none made (" + failure.get() + "); serve starts without it, slower");
    } else {
      System.out.printf(
          "start archive: %s, %d MiB%n", archive, Files.size(archive) / (1024 * 1024));
    }
    System.exit(0); // the emulators' threads are not all daemons
  }

  /**
   * Makes {@code archive} for {@code jar}; the reason when none was made. An archive there before
   * is gone either way, and nothing half-written is left.
   */
  static Optional<String> make(Path jar, Path archive) throws IOException, InterruptedException {
    Files.deleteIfExists(archive);
    if (!Files.isRegularFile(jar)) {
      return Optional.of("no " + jar);
    }
    Path written = archive.resolveSibling(archive.getFileName() + ".part");
    Files.deleteIfExists(written);
    Optional<String> failure;
    try {
      failure = train(jar, written);
    } catch (IOException | RuntimeException e) {
      failure = Optional.of(e.toString());
    }
    if (failure.isEmpty()) {
      failure = mapped(jar, written);
    }
    if (failure.isPresent()) {
      Files.deleteIfExists(written);
      return failure;
    }
    Files.move(written, archive, StandardCopyOption.ATOMIC_MOVE);
    return Optional.empty();
  }

  /** The training start; the reason when it failed. */
  private static Optional<String> train(Path jar, Path written)
      throws IOException, InterruptedException {
    TelegramEmulator telegram = TelegramEmulator.start(TelegramEmulatorConfig.defaults());
    OneConnectEmulator oneConnect = OneConnectEmulator.start(OneConnectEmulatorConfig.defaults());
    Path data = Files.createTempDirectory("omnichannel-start-archive");
    try {
      var world = oneConnect.world();
      Company vendor = world.addCompany("1С-Коннект", true);
      Line management = world.addManagementLine(vendor.id(), "1С-Коннект: Управление каналами");
      world.addApiAccount("gateway", "gw-pass", vendor.id(), Map.of(management.id(), true));
      world.grantPartnerAccess("gateway");
      long ready =
          ColdStart.measure(
              ColdStart.serve(
                  List.of("-XX:ArchiveClassesAtExit=" + written, "-Xlog:cds=off"),
                  Optional.of(jar)),
              ColdStart.environment(
                  telegram.baseUrl(), oneConnect.baseUrl(), oneConnect.soapUrl(), management.id()),
              data,
              Duration.ofSeconds(120),
              false);
      if (ready < 0) {
        return Optional.of("the training start was not ready");
      }
      return Files.isRegularFile(written)
          ? Optional.empty()
          : Optional.of("the JVM wrote no archive");
    } finally {
      oneConnect.close();
      telegram.close();
      try (Stream<Path> files = Files.walk(data)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /** Whether a JVM maps the archive (it must, with {@code -Xshare:on}); the reason when not. */
  private static Optional<String> mapped(Path jar, Path written)
      throws IOException, InterruptedException {
    Process check =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:on",
                "-XX:SharedArchiveFile=" + written,
                "-jar",
                jar.toString(),
                "--version")
            .redirectErrorStream(true)
            .start();
    String output = new String(check.getInputStream().readAllBytes());
    if (!check.waitFor(60, TimeUnit.SECONDS)) {
      check.destroyForcibly();
      return Optional.of("the check did not end");
    }
    return check.exitValue() == 0
        ? Optional.empty()
        : Optional.of("a JVM does not map it: " + output.strip().lines().findFirst().orElse(""));
  }
}
