package io.omnichannel.testkit.max;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Failures and delays a test asks for, consulted before every API call (before the token check). A
 * call is named {@code "VERB /segment"}, e.g. {@code "POST /messages"}, {@code "GET /updates"},
 * {@code "POST /uploads"}; {@code "/messages"} matches any verb, {@code "*"} any call.
 */
final class FailureInjector {
  static final String ANY = "*";

  private final Map<String, Queue<MaxError>> next = new ConcurrentHashMap<>();
  private volatile MaxError outage;
  private volatile Instant outageEnds = Instant.MIN;
  private volatile Duration delay = Duration.ZERO;

  void failNext(String token, String call, MaxError error) {
    next.computeIfAbsent(key(token, call), k -> new ConcurrentLinkedQueue<>()).add(error);
  }

  void outage(MaxError error, Duration duration) {
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
    next.clear();
    outage = null;
    delay = Duration.ZERO;
  }

  /** The injected failure for this call, or null. */
  MaxError failureFor(String token, String verb, String segment) {
    MaxError whole = outage;
    if (whole != null && Instant.now().isBefore(outageEnds)) {
      return whole;
    }
    MaxError specific = poll(key(token, verb + " /" + segment));
    if (specific == null) {
      specific = poll(key(token, "/" + segment));
    }
    return specific != null ? specific : poll(key(token, ANY));
  }

  private MaxError poll(String key) {
    Queue<MaxError> queue = next.get(key);
    return queue == null ? null : queue.poll();
  }

  private static String key(String token, String call) {
    return token + "|" + call.trim().toUpperCase(Locale.ROOT);
  }
}
