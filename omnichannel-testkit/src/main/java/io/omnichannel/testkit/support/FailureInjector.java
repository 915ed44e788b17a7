package io.omnichannel.testkit.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Failures and delays a test asks for, consulted before every API call (before the token check).
 * The emulator names its calls (Telegram: the method; MAX: {@code "POST /messages"}); names match
 * case-insensitively, {@value #ANY} any call.
 *
 * @param <E> the emulator's API error
 */
public final class FailureInjector<E> {
  public static final String ANY = "*";

  private record Key(String token, String call) {
    Key {
      call = call.trim().toLowerCase(Locale.ROOT);
    }
  }

  private final Map<Key, Queue<E>> next = new ConcurrentHashMap<>();
  private volatile E outage;
  private volatile Instant outageEnds = Instant.MIN;
  private volatile Duration delay = Duration.ZERO;

  /** The next call so named with this token answers this error instead. */
  public void failNext(String token, String call, E error) {
    next.computeIfAbsent(new Key(token, call), k -> new ConcurrentLinkedQueue<>()).add(error);
  }

  /** Every call answers this error for the given time. */
  public void outage(E error, Duration duration) {
    outage = error;
    outageEnds = Instant.now().plus(duration);
  }

  public void delay(Duration answerDelay) {
    delay = answerDelay;
  }

  public Duration delay() {
    return delay;
  }

  /** The answer, held back by the injected delay (no thread waits meanwhile). */
  public <T> CompletableFuture<T> delayed(
      CompletableFuture<T> answer, ScheduledExecutorService scheduler) {
    Duration wait = delay;
    if (wait.isZero()) {
      return answer;
    }
    CompletableFuture<T> later = new CompletableFuture<>();
    scheduler.schedule(
        () ->
            answer.whenComplete(
                (value, error) -> {
                  if (error != null) {
                    later.completeExceptionally(error);
                  } else {
                    later.complete(value);
                  }
                }),
        wait.toNanos(),
        TimeUnit.NANOSECONDS);
    return later;
  }

  public void reset() {
    next.clear();
    outage = null;
    delay = Duration.ZERO;
  }

  /**
   * The injected failure for this call, or null: the outage, else the first queued for one of its
   * names (most specific first), else one queued for any call.
   */
  public E failureFor(String token, String... names) {
    E whole = outage;
    if (whole != null && Instant.now().isBefore(outageEnds)) {
      return whole;
    }
    for (String name : names) {
      E specific = poll(new Key(token, name));
      if (specific != null) {
        return specific;
      }
    }
    return poll(new Key(token, ANY));
  }

  private E poll(Key key) {
    Queue<E> queue = next.get(key);
    return queue == null ? null : queue.poll();
  }
}
