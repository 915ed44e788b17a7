package io.omnichannel.testkit.telegram;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Failures and delays a test asks for, consulted before every Bot API call. */
final class FailureInjector {
  private static final String ANY = "*";

  private final Map<String, Queue<ApiError>> nextFailures = new ConcurrentHashMap<>();
  private volatile ApiError outage;
  private volatile Instant outageEnds = Instant.MIN;
  private volatile Duration delay = Duration.ZERO;

  void failNext(String token, String method, ApiError error) {
    nextFailures.computeIfAbsent(key(token, method), k -> new ConcurrentLinkedQueue<>()).add(error);
  }

  void outage(ApiError error, Duration duration) {
    outage = error;
    outageEnds = Instant.now().plus(duration);
  }

  void delay(Duration answerDelay) {
    delay = answerDelay;
  }

  Duration delay() {
    return delay;
  }

  void reset() {
    nextFailures.clear();
    outage = null;
    delay = Duration.ZERO;
  }

  /** The injected failure for this call, or null. */
  ApiError failureFor(String token, String method) {
    ApiError whole = outage;
    if (whole != null && Instant.now().isBefore(outageEnds)) {
      return whole;
    }
    ApiError specific = poll(key(token, method));
    return specific != null ? specific : poll(key(token, ANY));
  }

  private ApiError poll(String key) {
    Queue<ApiError> queue = nextFailures.get(key);
    return queue == null ? null : queue.poll();
  }

  private static String key(String token, String method) {
    return token + "/" + method.toLowerCase(Locale.ROOT);
  }
}
