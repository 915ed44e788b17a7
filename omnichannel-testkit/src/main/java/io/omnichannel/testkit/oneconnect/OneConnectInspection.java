package io.omnichannel.testkit.oneconnect;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the emulator received and did: requests, chat transcripts, events posted and delivery
 * attempts. The {@code await…} methods block on a condition signalled by every change (no polling)
 * and throw {@link AssertionError} when the timeout passes.
 */
public final class OneConnectInspection {
  private final Journal journal;

  OneConnectInspection(Journal journal) {
    this.journal = journal;
  }

  Journal journal() {
    return journal;
  }

  public List<RecordedRequest> requests() {
    return journal.requests();
  }

  public List<TranscriptEntry> transcript(String lineId, String userId) {
    return journal.transcript(lineId, userId);
  }

  /** Every chat's entries, oldest first. */
  public List<TranscriptEntry> transcripts() {
    return journal.allTranscripts();
  }

  public List<HookEvent> events() {
    return journal.events();
  }

  public List<DeliveryAttempt> deliveries() {
    return journal.deliveries();
  }

  /** Forgets requests, transcripts, events and delivery attempts (the world stays). */
  public void clear() {
    journal.clear();
  }

  public RecordedRequest awaitRequest(Predicate<RecordedRequest> condition, Duration timeout) {
    return await(
        j -> j.requests().stream().filter(condition).findFirst(), timeout, "a matching request");
  }

  public TranscriptEntry awaitTranscriptEntry(
      String lineId, String userId, Predicate<TranscriptEntry> condition, Duration timeout) {
    return await(
        j -> j.transcript(lineId, userId).stream().filter(condition).findFirst(),
        timeout,
        "a matching transcript entry in " + lineId + "/" + userId);
  }

  /** Waits until the chat holds at least {@code count} entries, and answers them all. */
  public List<TranscriptEntry> awaitTranscriptSize(
      String lineId, String userId, int count, Duration timeout) {
    return await(
        j -> Optional.of(j.transcript(lineId, userId)).filter(t -> t.size() >= count),
        timeout,
        count + " transcript entries in " + lineId + "/" + userId);
  }

  public DeliveryAttempt awaitDelivery(Predicate<DeliveryAttempt> condition, Duration timeout) {
    return await(
        j -> j.deliveries().stream().filter(condition).findFirst(), timeout, "a matching delivery");
  }

  /** Waits until {@code count} attempts match, and answers them in order. */
  public List<DeliveryAttempt> awaitDeliveries(
      Predicate<DeliveryAttempt> condition, int count, Duration timeout) {
    return await(
        j ->
            Optional.of(j.deliveries().stream().filter(condition).toList())
                .filter(l -> l.size() >= count),
        timeout,
        count + " matching deliveries");
  }

  private <T> T await(Function<Journal, Optional<T>> probe, Duration timeout, String what) {
    return journal
        .await(probe, timeout)
        .orElseThrow(
            () -> new AssertionError("timed out after " + timeout + " waiting for " + what));
  }
}
