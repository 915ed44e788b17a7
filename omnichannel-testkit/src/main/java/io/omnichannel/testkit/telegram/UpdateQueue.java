package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnichannel.testkit.support.LongPollSlot;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

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
  private long lastUpdateId = 100_000_000L;
  private Set<String> pollAllowed;
  private final LongPollSlot<Integer, JsonNode> polls = new LongPollSlot<>();
  private WebhookConfig webhook;
  private Runnable onNewUpdate = () -> {};

  UpdateQueue(int cap, ScheduledExecutorService scheduler) {
    this.pending = new PendingUpdates(cap);
    this.scheduler = scheduler;
  }

  void onNewUpdate(Runnable listener) {
    this.onNewUpdate = listener;
  }

  /** Assigns the next update_id, queues the update and wakes the waiting poll, if any. */
  long add(ObjectNode update, long chatId, String kind) {
    LongPollSlot.Poll<Integer, JsonNode> woken = null;
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
      LongPollSlot.Poll<Integer, JsonNode> waiting = polls.held();
      if (waiting != null) {
        ArrayNode ready = pending.firstAllowed(waiting.query(), pollAllowed);
        if (!ready.isEmpty()) {
          woken = polls.take();
          batch = ready;
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
    LongPollSlot.Poll<Integer, JsonNode> terminated;
    LongPollSlot.Poll<Integer, JsonNode> waiting = null;
    ArrayNode ready;
    synchronized (this) {
      if (webhook != null) {
        throw ApiError.conflict(WEBHOOK_ACTIVE);
      }
      pending.confirm(offset);
      if (allowed != null) {
        pollAllowed = allowed;
      }
      terminated = polls.take();
      ready = pending.firstAllowed(limit, pollAllowed);
      if (ready.isEmpty() && timeoutSeconds > 0) {
        waiting = polls.hold(limit);
      }
    }
    if (terminated != null) {
      terminated.fail(ApiError.conflict(TERMINATED));
    }
    if (waiting == null) {
      return CompletableFuture.completedFuture(ready);
    }
    LongPollSlot.Poll<Integer, JsonNode> registered = waiting;
    return registered.start(scheduler, timeoutSeconds, () -> expire(registered));
  }

  /** Completes once a getUpdates is waiting (now or later): tests use it instead of sleeping. */
  synchronized CompletableFuture<Void> whenPollWaiting() {
    return polls.whenHeld();
  }

  private void expire(LongPollSlot.Poll<Integer, JsonNode> expired) {
    synchronized (this) {
      if (!polls.takeIf(expired)) {
        return;
      }
    }
    expired.complete(Json.array());
  }

  void setWebhook(WebhookConfig config, boolean dropPending) {
    LongPollSlot.Poll<Integer, JsonNode> interrupted;
    synchronized (this) {
      webhook = config;
      if (dropPending) {
        pending.clear();
      }
      pending.resetDeliveries();
      interrupted = polls.take();
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
    LongPollSlot.Poll<Integer, JsonNode> waiting;
    synchronized (this) {
      waiting = polls.take();
    }
    if (waiting != null) {
      waiting.fail(error);
    }
  }
}
