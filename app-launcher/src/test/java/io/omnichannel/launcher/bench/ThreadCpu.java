package io.omnichannel.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A process's CPU time so far by kind of thread, from {@code /proc/<pid>/task} (Linux; "?"
 * elsewhere): where a cold start's CPU went — the main thread, the warm-up, the JIT compilers, the
 * garbage collector, the rest.
 */
final class ThreadCpu {
  private ThreadCpu() {}

  static String byKind(long pid) {
    Map<String, Long> millis = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          String name = Files.readString(task.resolve("comm")).strip();
          String stat = Files.readString(task.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          millis.merge(kind(name), ticks * 10, Long::sum); // USER_HZ is 100 on Linux
        } catch (IOException ended) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException | RuntimeException unavailable) {
      return "?";
    }
    return millis.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(each -> each.getKey() + " " + each.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String kind(String thread) {
    if (thread.startsWith("C1 ") || thread.startsWith("C2 ")) {
      return "jit";
    }
    if (thread.startsWith("G1 ") || thread.startsWith("GC ") || thread.startsWith("VM Thread")) {
      return "gc+vm";
    }
    if (thread.equals("java") || thread.equals("main")) {
      return "main";
    }
    if (thread.startsWith("omnichannel-")) {
      return thread;
    }
    return "other";
  }
}
