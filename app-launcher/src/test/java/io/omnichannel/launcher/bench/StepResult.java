package io.omnichannel.launcher.bench;

import java.time.Duration;
import java.util.Map;

/**
 * The figures of one measured step of one path; latencies in microseconds from each message's
 * scheduled time, sorted (empty when the path gives no delivery times); {@code cpu} is the whole
 * process's CPU time over the step (both emulators included, as for every path), {@code compiling}
 * how long the JIT compiled meanwhile (its threads' share of that CPU, on a busy machine less).
 */
record StepResult(
    String tag,
    Pace pace,
    int injected,
    int firstTimeUsers,
    int delivered,
    int lost,
    int doubled,
    double throughput,
    long[] latencies,
    Duration maxInjectorLag,
    Duration drained,
    CountingDriver.Counts db,
    Map<String, Long> platformCalls,
    Map<String, Long> platformCallsByUser,
    Duration cpu,
    Duration compiling) {

  long percentile(double p) {
    if (latencies.length == 0) {
      return -1;
    }
    int index = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
    return latencies[Math.max(0, Math.min(latencies.length - 1, index))];
  }

  double percentileMs(double p) {
    return percentile(p) / 1000.0;
  }

  long platformCallCount() {
    return platformCalls.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * The process's CPU milliseconds per delivered message: load on the machine does not change it.
   */
  double cpuMsPerMessage() {
    return delivered == 0 ? Double.NaN : cpu.toNanos() / 1e6 / delivered;
  }

  double perDelivered(long count) {
    return delivered == 0 ? Double.NaN : (double) count / delivered;
  }
}
