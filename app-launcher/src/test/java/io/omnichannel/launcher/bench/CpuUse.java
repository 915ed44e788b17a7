package io.omnichannel.launcher.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * CPU spent between two moments by this JVM's threads, grouped by name (its digits dropped: the
 * pool's threads together), by the whole process (with the JIT's compiler and the collector's
 * threads, which the Java threads' figures leave out) and by the local MariaDB server (from {@code
 * /proc}, Linux): what a run is bound by on a machine of two cores.
 */
final class CpuUse {
  private final Map<Long, Long> threadNanos;
  private final Optional<Long> mariaDbTicks;
  private final Background background;

  private CpuUse(Map<Long, Long> threadNanos, Optional<Long> mariaDbTicks, Background background) {
    this.threadNanos = threadNanos;
    this.mariaDbTicks = mariaDbTicks;
    this.background = background;
  }

  /**
   * What the JVM spent besides its Java threads so far: the process's CPU, the JIT's compiling time
   * and the collectors' time, in milliseconds.
   */
  record Background(long processMillis, long compilingMillis, long collectingMillis) {
    static Background now() {
      long process =
          ManagementFactory.getOperatingSystemMXBean()
                  instanceof com.sun.management.OperatingSystemMXBean os
              ? os.getProcessCpuTime() / 1_000_000
              : -1;
      long collecting =
          ManagementFactory.getGarbageCollectorMXBeans().stream()
              .mapToLong(GarbageCollectorMXBean::getCollectionTime)
              .filter(millis -> millis > 0)
              .sum();
      return new Background(
          process, ManagementFactory.getCompilationMXBean().getTotalCompilationTime(), collecting);
    }

    Background since(Background before) {
      return new Background(
          processMillis - before.processMillis,
          compilingMillis - before.compilingMillis,
          collectingMillis - before.collectingMillis);
    }
  }

  static CpuUse now() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Long> nanos = new HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      long cpu = threads.getThreadCpuTime(id);
      if (cpu >= 0) {
        nanos.put(id, cpu);
      }
    }
    return new CpuUse(nanos, mariaDbTicks(), Background.now());
  }

  /** Milliseconds of CPU since {@code before}, the heaviest groups first, per {@code per} items. */
  String since(CpuUse before, double per) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> byGroup = new TreeMap<>();
    for (long id : threads.getAllThreadIds()) {
      long cpu = threads.getThreadCpuTime(id);
      var info = threads.getThreadInfo(id);
      if (cpu < 0 || info == null) {
        continue;
      }
      String group = info.getThreadName().replaceAll("[0-9]+", "#");
      byGroup.merge(group, cpu - before.threadNanos.getOrDefault(id, 0L), Long::sum);
    }
    long total = byGroup.values().stream().mapToLong(Long::longValue).sum();
    String mariaDb =
        mariaDbTicks.isPresent() && before.mariaDbTicks.isPresent()
            ? String.format(
                Locale.ROOT,
                "MariaDB %.2f ms",
                (mariaDbTicks.get() - before.mariaDbTicks.get()) * 10 / per)
            : "MariaDB ?";
    return String.format(Locale.ROOT, "this JVM %.2f ms (", total / 1e6 / per)
        + byGroup.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(6)
            .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / 1e6 / per))
            .collect(Collectors.joining(", "))
        + "), "
        + mariaDb
        + whole(Background.now().since(before.background), per);
  }

  private static String whole(Background spent, double per) {
    return String.format(
        Locale.ROOT,
        "; the whole JVM %.2f ms per send (%d ms of JIT compiling, %d ms of collecting in the run)",
        spent.processMillis() / per,
        spent.compilingMillis(),
        spent.collectingMillis());
  }

  /** The MariaDB server's CPU so far, in clock ticks (10 ms on Linux). */
  private static Optional<Long> mariaDbTicks() {
    try (var processes = Files.list(Path.of("/proc"))) {
      for (Path process :
          processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String stat = Files.readString(process.resolve("stat"));
          if (stat.contains("(mariadbd)") || stat.contains("(mysqld)")) {
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
          }
        } catch (IOException ended) {
          // gone meanwhile
        }
      }
    } catch (IOException | RuntimeException unavailable) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
