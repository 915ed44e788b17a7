package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One bot's updates and who consumes them: a long poll or the webhook, never both. State is guarded
 * by this object's monitor; futures are completed after it is released, so no caller's continuation
 * runs under the lock.
 */
final class UpdateQueue {
  private static final String WEBHOOK_ACTIVE =
      "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
  private static final String TERMINATED =
      "terminated by other getUpdates request; make sure that only one bot instance is running";

  private final ScheduledExecutorService scheduler;
  private final PendingUpdates pending;
  private final List<CompletableFuture<Void>> pollWatchers = new ArrayList<>();
  private long lastUpdateId = 100_000_000L;
  private Set<String> pollAllowed;
  private LongPoll poll;
  private WebhookConfig webhook;
  private Runnable onNewUpdate = () -> {};

  /** A getUpdates waiting for updates; its timeout is cancelled when it is answered earlier. */
  private static final class LongPoll {
    final int limit;
    final CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    volatile ScheduledFuture<?> timeout;

    LongPoll(int limit) {
      this.limit = limit;
    }

    void complete(JsonNode updates) {
      cancelTimeout();
      answer.complete(updates);
    }

    void fail(ApiError error) {
      cancelTimeout();
      answer.completeExceptionally(error);
    }

    private void cancelTimeout() {
      if (timeout != null) {
        timeout.cancel(false);
      }
    }
  }

  UpdateQueue(int cap, ScheduledExecutorService scheduler) {
    this.pending = new PendingUpdates(cap);
    this.scheduler = scheduler;
  }

  void onNewUpdate(Runnable listener) {
    this.onNewUpdate = listener;
  }

  /** Assigns the next update_id, queues the update and wakes the waiting poll, if any. */
  long add(ObjectNode update, long chatId, String kind) {
    LongPoll woken = null;
    JsonNode batch = null;
    long updateId;
    synchronized (this) {
      updateId = ++lastUpdateId;
      ObjectNode json = Json.object();
      json.put("update_id", updateId);
      json.setAll(update);
      // like the real service, kinds the consumer did not allow are not even stored
      Set<String> filter = webhook != null ? webhook.allowedUpdates() : pollAllowed;
      if (AllowedUpdates.allows(filter, kind)) {
        pending.add(new PendingUpdate(updateId, chatId, kind, json));
      }
      if (poll != null) {
        ArrayNode ready = pending.firstAllowed(poll.limit, pollAllowed);
        if (!ready.isEmpty()) {
          woken = poll;
          batch = ready;
          poll = null;
        }
      }
    }
    if (woken != null) {
      woken.complete(batch);
    }
    onNewUpdate.run();
    return updateId;
  }

  /**
   * getUpdates: answers now when updates are ready or timeout is 0, else when one arrives or time
   * is up.
   */
  CompletableFuture<JsonNode> poll(
      long offset, int limit, long timeoutSeconds, Set<String> allowed) {
    LongPoll terminated;
    LongPoll waiting = null;
    ArrayNode ready;
    List<CompletableFuture<Void>> watchers = List.of();
    synchronized (this) {
      if (webhook != null) {
        throw ApiError.conflict(WEBHOOK_ACTIVE);
      }
      pending.confirm(offset);
      if (allowed != null) {
        pollAllowed = allowed;
      }
      terminated = poll;
      poll = null;
      ready = pending.firstAllowed(limit, pollAllowed);
      if (ready.isEmpty() && timeoutSeconds > 0) {
        waiting = new LongPoll(limit);
        poll = waiting;
        watchers = List.copyOf(pollWatchers);
        pollWatchers.clear();
      }
    }
    if (terminated != null) {
      terminated.fail(ApiError.conflict(TERMINATED));
    }
    if (waiting == null) {
      return CompletableFuture.completedFuture(ready);
    }
    LongPoll registered = waiting;
    try {
      registered.timeout =
          scheduler.schedule(() -> expire(registered), timeoutSeconds, TimeUnit.SECONDS);
    } catch (RejectedExecutionException closing) {
      expire(registered);
    }
    watchers.forEach(watcher -> watcher.complete(null));
    return registered.answer;
  }

  /** Completes once a getUpdates is waiting (now or later): tests use it instead of sleeping. */
  synchronized CompletableFuture<Void> whenPollWaiting() {
    if (poll != null) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> watcher = new CompletableFuture<>();
    pollWatchers.add(watcher);
    return watcher;
  }

  private void expire(LongPoll expired) {
    synchronized (this) {
      if (poll != expired) {
        return;
      }
      poll = null;
    }
    expired.complete(Json.array());
  }

  void setWebhook(WebhookConfig config, boolean dropPending) {
    LongPoll interrupted;
    synchronized (this) {
      webhook = config;
      if (dropPending) {
        pending.clear();
      }
      pending.resetDeliveries();
      interrupted = poll;
      poll = null;
    }
    if (interrupted != null) {
      interrupted.fail(ApiError.conflict(WEBHOOK_ACTIVE));
    }
    onNewUpdate.run();
  }

  /** True when a webhook was set. */
  synchronized boolean deleteWebhook(boolean dropPending) {
    boolean hadWebhook = webhook != null;
    webhook = null;
    if (dropPending) {
      pending.clear();
    }
    pending.resetDeliveries();
    return hadWebhook;
  }

  synchronized WebhookConfig webhook() {
    return webhook;
  }

  synchronized int pendingCount() {
    return pending.size();
  }

  synchronized List<PendingUpdate> claimForWebhook() {
    return webhook == null
        ? List.of()
        : pending.claimDeliverable(webhook.maxConnections(), webhook.allowedUpdates());
  }

  synchronized void acknowledged(PendingUpdate update) {
    pending.remove(update);
  }

  synchronized void deliveryFailed(PendingUpdate update) {
    if (update.delivery == PendingUpdate.Delivery.IN_FLIGHT) {
      update.delivery = PendingUpdate.Delivery.WAITING_RETRY;
    }
    update.failedAttempts++;
  }

  synchronized void retryDue(PendingUpdate update) {
    if (update.delivery == PendingUpdate.Delivery.WAITING_RETRY) {
      update.delivery = PendingUpdate.Delivery.IDLE;
    }
  }

  /** Answers a waiting poll with this error, e.g. 401 when the token is revoked. */
  void terminatePoll(ApiError error) {
    LongPoll waiting;
    synchronized (this) {
      waiting = poll;
      poll = null;
    }
    if (waiting != null) {
      waiting.fail(error);
    }
  }
}
