package io.omnichannel.testkit.max;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnichannel.testkit.support.LongPollSlot;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;

/**
 * One bot's updates and their consumer: long polling or a webhook subscription, never both.
 *
 * <p>Marker semantics (our reading of the schema): every update gets a position; {@code GET
 * /updates?marker=m} counts everything before {@code m} as read and answers the unread updates from
 * there, with {@code marker} = the position after the last one answered (or after the last stored
 * update when the batch holds them all). Markers start far from 0 (the official TS client cannot
 * send {@code marker=0}). Without a marker every unread update comes back (the April 2026 schema
 * text; the current text says only the latest — unconfirmed which holds).
 *
 * <p>State is guarded by this object's monitor; futures complete after it is released.
 */
final class UpdateLog {
  static final long FIRST_MARKER = 25_493_970L;

  record Entry(long position, String type, long chatKey, ObjectNode json) {}

  record Subscription(String url, String secret, Set<String> types, long time) {
    boolean wants(String type) {
      return types == null || types.isEmpty() || types.contains(type);
    }
  }

  /** What a waiting {@code GET /updates} asked. */
  private record Query(int limit, Set<String> types) {}

  private final ScheduledExecutorService scheduler;
  private final int cap;
  private final ArrayDeque<Entry> pending = new ArrayDeque<>();
  private final LongPollSlot<Query, ObjectNode> polls = new LongPollSlot<>();
  private long nextMarker = FIRST_MARKER;
  private Subscription subscription;
  private BiConsumer<Subscription, Entry> webhook = (s, e) -> {};

  UpdateLog(int cap, ScheduledExecutorService scheduler) {
    this.cap = cap;
    this.scheduler = scheduler;
  }

  void webhookSink(BiConsumer<Subscription, Entry> sink) {
    this.webhook = sink;
  }

  void add(String type, long chatKey, ObjectNode json) {
    LongPollSlot.Poll<Query, ObjectNode> woken = null;
    ObjectNode batch = null;
    Subscription target = null;
    Entry entry;
    synchronized (this) {
      entry = new Entry(nextMarker++, type, chatKey, json);
      if (subscription != null) {
        if (subscription.wants(type)) {
          target = subscription;
        }
      } else {
        pending.addLast(entry);
        while (pending.size() > cap) {
          pending.removeFirst();
        }
        LongPollSlot.Poll<Query, ObjectNode> waiting = polls.held();
        if (waiting != null) {
          ObjectNode ready = collect(waiting.query().limit(), waiting.query().types());
          if (!ready.withArray("updates").isEmpty()) {
            woken = polls.take();
            batch = ready;
          }
        }
      }
    }
    if (woken != null) {
      woken.complete(batch);
    }
    if (target != null) {
      webhook.accept(target, entry);
    }
  }

  /** {@code GET /updates}: answers now when something is unread or timeout is 0, else later. */
  CompletableFuture<ObjectNode> poll(
      Long marker, int limit, int timeoutSeconds, Set<String> types) {
    LongPollSlot.Poll<Query, ObjectNode> replaced;
    LongPollSlot.Poll<Query, ObjectNode> waiting = null;
    ObjectNode ready;
    synchronized (this) {
      if (subscription != null) {
        throw MaxError.pollingDisabled();
      }
      if (marker != null) {
        while (!pending.isEmpty() && pending.peekFirst().position() < marker) {
          pending.removeFirst();
        }
      }
      replaced = polls.take();
      ready = collect(limit, types);
      if (ready.withArray("updates").isEmpty() && timeoutSeconds > 0) {
        waiting = polls.hold(new Query(limit, types));
      }
    }
    if (replaced != null) {
      // an earlier poll still waiting is answered empty (MAX's behaviour here is unconfirmed)
      replaced.complete(emptyBatch());
    }
    if (waiting == null) {
      return CompletableFuture.completedFuture(ready);
    }
    LongPollSlot.Poll<Query, ObjectNode> registered = waiting;
    return registered.start(scheduler, timeoutSeconds, () -> expire(registered));
  }

  private void expire(LongPollSlot.Poll<Query, ObjectNode> expired) {
    ObjectNode empty;
    synchronized (this) {
      if (!polls.takeIf(expired)) {
        return;
      }
      empty = emptyBatch();
    }
    expired.complete(empty);
  }

  private synchronized ObjectNode emptyBatch() {
    ObjectNode answer = Json.object();
    answer.putArray("updates");
    answer.put("marker", nextMarker);
    return answer;
  }

  /** Unread updates from the start of the queue; types filter skips (and so reads) the others. */
  private ObjectNode collect(int limit, Set<String> types) {
    ObjectNode answer = Json.object();
    ArrayNode updates = answer.putArray("updates");
    long marker = nextMarker;
    for (Entry entry : pending) {
      if (types != null && !types.isEmpty() && !types.contains(entry.type())) {
        continue;
      }
      if (updates.size() == limit) {
        marker = entry.position();
        break;
      }
      updates.add(entry.json().deepCopy());
    }
    answer.put("marker", marker);
    return answer;
  }

  synchronized CompletableFuture<Void> whenPollWaiting() {
    return polls.whenHeld();
  }

  /** A new subscription replaces the old; unread updates go to it; a waiting poll ends empty. */
  void subscribe(Subscription next) {
    LongPollSlot.Poll<Query, ObjectNode> interrupted;
    List<Entry> moved;
    synchronized (this) {
      subscription = next;
      moved = pending.stream().filter(e -> next.wants(e.type())).toList();
      pending.clear();
      interrupted = polls.take();
    }
    if (interrupted != null) {
      interrupted.complete(emptyBatch());
    }
    moved.forEach(entry -> webhook.accept(next, entry));
  }

  /** Removes the subscription when its URL matches (any when {@code url} is null). */
  synchronized boolean unsubscribe(String url) {
    if (subscription != null && (url == null || subscription.url().equals(url))) {
      subscription = null;
      return true;
    }
    return false;
  }

  /** Removes exactly this subscription (the automatic unsubscribe after failed retries). */
  synchronized boolean unsubscribeIfCurrent(Subscription which) {
    if (subscription == which) {
      subscription = null;
      return true;
    }
    return false;
  }

  synchronized Subscription subscription() {
    return subscription;
  }

  synchronized int pendingCount() {
    return pending.size();
  }

  /** Ends a waiting poll, e.g. with 401 when the bot is gone. */
  void terminatePoll(MaxError error) {
    LongPollSlot.Poll<Query, ObjectNode> waiting;
    synchronized (this) {
      waiting = polls.take();
    }
    if (waiting != null) {
      waiting.fail(error);
    }
  }
}
