package io.omnichannel.testkit.oneconnect;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything recorded, in bounded ring buffers (oldest dropped first), and waits on it: every
 * append signals one condition, so a waiter re-checks its probe instead of sleeping.
 */
final class Journal {
  private final OneConnectEmulatorConfig config;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final AtomicLong sequence = new AtomicLong();
  private final ArrayDeque<RecordedRequest> requests = new ArrayDeque<>();
  private final Map<ChatKey, ArrayDeque<TranscriptEntry>> transcripts = new HashMap<>();
  private final ArrayDeque<DeliveryAttempt> deliveries = new ArrayDeque<>();
  private final ArrayDeque<HookEvent> events = new ArrayDeque<>();

  Journal(OneConnectEmulatorConfig config) {
    this.config = config;
  }

  long nextSeq() {
    return sequence.incrementAndGet();
  }

  void request(RecordedRequest request) {
    append(requests, request, config.maxRecordedRequests());
  }

  void delivery(DeliveryAttempt attempt) {
    append(deliveries, attempt, config.maxDeliveryAttempts());
  }

  void event(HookEvent event) {
    append(events, event, config.maxDeliveryAttempts());
  }

  void transcript(TranscriptEntry entry) {
    lock.lock();
    try {
      ArrayDeque<TranscriptEntry> chat =
          transcripts.computeIfAbsent(
              new ChatKey(entry.lineId(), entry.userId()), k -> new ArrayDeque<>());
      chat.addLast(entry);
      while (chat.size() > config.maxTranscriptEntriesPerChat()) {
        chat.removeFirst();
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  List<RecordedRequest> requests() {
    return read(() -> List.copyOf(requests));
  }

  List<DeliveryAttempt> deliveries() {
    return read(() -> List.copyOf(deliveries));
  }

  List<HookEvent> events() {
    return read(() -> List.copyOf(events));
  }

  List<TranscriptEntry> transcript(String lineId, String userId) {
    return read(
        () -> {
          ArrayDeque<TranscriptEntry> chat = transcripts.get(new ChatKey(lineId, userId));
          return chat == null ? List.of() : List.copyOf(chat);
        });
  }

  List<TranscriptEntry> allTranscripts() {
    return read(
        () -> {
          List<TranscriptEntry> all = new ArrayList<>();
          transcripts.values().forEach(all::addAll);
          all.sort((a, b) -> Long.compare(a.seq(), b.seq()));
          return all;
        });
  }

  void clear() {
    lock.lock();
    try {
      requests.clear();
      transcripts.clear();
      deliveries.clear();
      events.clear();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until {@code probe} (evaluated on this journal under its lock) answers a value, or the
   * timeout passes; empty then.
   */
  <T> Optional<T> await(Function<Journal, Optional<T>> probe, Duration timeout) {
    long remaining = timeout.toNanos();
    lock.lock();
    try {
      while (true) {
        Optional<T> found = probe.apply(this);
        if (found.isPresent() || remaining <= 0) {
          return found;
        }
        remaining = changed.awaitNanos(remaining);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      lock.unlock();
    }
  }

  private <T> void append(ArrayDeque<T> buffer, T item, int cap) {
    lock.lock();
    try {
      buffer.addLast(item);
      while (buffer.size() > cap) {
        buffer.removeFirst();
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private <T> T read(Supplier<T> reader) {
    lock.lock();
    try {
      return reader.get();
    } finally {
      lock.unlock();
    }
  }
}
