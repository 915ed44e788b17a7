package io.omnichannel.launcher.hostile;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * What the HTTP server's threads allocate and what the heap holds, for telling a body read whole
 * from one refused after its limit.
 */
final class Heap {
  static final long MIB = 1L << 20;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private Heap() {}

  /** Per live thread of Javalin's Jetty pool, the bytes it allocated so far. */
  static Map<Long, Long> allocatedByServerThreads() {
    long[] ids =
        Thread.getAllStackTraces().keySet().stream()
            .filter(thread -> thread.getName().startsWith("JettyServerThreadPool"))
            .mapToLong(Thread::getId)
            .toArray();
    long[] bytes = THREADS.getThreadAllocatedBytes(ids);
    Map<Long, Long> byThread = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (bytes[i] >= 0) {
        byThread.put(ids[i], bytes[i]);
      }
    }
    return byThread;
  }

  /**
   * What the server's threads allocated since {@code before} (a thread started since counts whole).
   */
  static long allocatedSince(Map<Long, Long> before) {
    long total = 0;
    for (Map.Entry<Long, Long> now : allocatedByServerThreads().entrySet()) {
      total += now.getValue() - before.getOrDefault(now.getKey(), 0L);
    }
    return total;
  }

  /** The used heap after a full collection. */
  static long usedAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static String mib(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (double) MIB);
  }
}
