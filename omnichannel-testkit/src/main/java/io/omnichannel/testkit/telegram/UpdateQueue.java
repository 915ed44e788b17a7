package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One bot's unconfirmed updates and who consumes them: a long poll or the webhook. All state is
 * guarded by this object's monitor; futures are completed after the monitor is released.
 */
final class UpdateQueue {
    private static final String WEBHOOK_ACTIVE =
            "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
    private static final String TERMINATED =
            "terminated by other getUpdates request; make sure that only one bot instance is running";

    private final int cap;
    private final ScheduledExecutorService scheduler;
    private final ArrayDeque<PendingUpdate> pending = new ArrayDeque<>();
    private long lastUpdateId = 100_000_000L;
    private Set<String> pollAllowed;
    private LongPoll poll;
    private WebhookConfig webhook;
    private Runnable onNewUpdate = () -> { };
    private final List<CompletableFuture<Void>> pollWatchers = new ArrayList<>();

    private static final class LongPoll {
        final int limit;
        final CompletableFuture<JsonNode> answer = new CompletableFuture<>();

        LongPoll(int limit) {
            this.limit = limit;
        }
    }

    UpdateQueue(int cap, ScheduledExecutorService scheduler) {
        this.cap = cap;
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
                pending.addLast(new PendingUpdate(updateId, chatId, kind, json));
            }
            if (pending.size() > cap) {
                pending.removeFirst();
            }
            if (poll != null) {
                ArrayNode ready = collect(poll.limit);
                if (!ready.isEmpty()) {
                    woken = poll;
                    batch = ready;
                    poll = null;
                }
            }
        }
        if (woken != null) {
            woken.answer.complete(batch);
        }
        onNewUpdate.run();
        return updateId;
    }

    /** getUpdates: answers now when updates are ready or timeout is 0, else when one arrives or time is up. */
    CompletableFuture<JsonNode> poll(long offset, int limit, long timeoutSeconds, Set<String> allowed) {
        LongPoll terminated;
        LongPoll waiting;
        List<CompletableFuture<Void>> watchers;
        synchronized (this) {
            if (webhook != null) {
                throw ApiError.conflict(WEBHOOK_ACTIVE);
            }
            confirm(offset);
            if (allowed != null) {
                pollAllowed = allowed;
            }
            terminated = poll;
            poll = null;
            ArrayNode ready = collect(limit);
            if (!ready.isEmpty() || timeoutSeconds <= 0) {
                waiting = null;
                fail(terminated, ApiError.conflict(TERMINATED));
                return CompletableFuture.completedFuture(ready);
            }
            waiting = new LongPoll(limit);
            poll = waiting;
            watchers = List.copyOf(pollWatchers);
            pollWatchers.clear();
        }
        fail(terminated, ApiError.conflict(TERMINATED));
        watchers.forEach(watcher -> watcher.complete(null));
        scheduler.schedule(() -> expire(waiting), timeoutSeconds, TimeUnit.SECONDS);
        return waiting.answer;
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
        expired.answer.complete(Json.array());
    }

    private static void fail(LongPoll poll, ApiError error) {
        if (poll != null) {
            poll.answer.completeExceptionally(error);
        }
    }

    private void confirm(long offset) {
        if (offset > 0) {
            while (!pending.isEmpty() && pending.peekFirst().updateId < offset) {
                pending.removeFirst();
            }
        } else if (offset < 0) {
            while (pending.size() > -offset) {
                pending.removeFirst();
            }
        }
    }

    /** The first {@code limit} updates the poll's filter allows; filtered-out ones are dropped. */
    private ArrayNode collect(int limit) {
        ArrayNode batch = Json.array();
        for (Iterator<PendingUpdate> it = pending.iterator(); it.hasNext() && batch.size() < limit; ) {
            PendingUpdate update = it.next();
            if (AllowedUpdates.allows(pollAllowed, update.kind)) {
                batch.add(update.json);
            } else {
                it.remove();
            }
        }
        return batch;
    }

    void setWebhook(WebhookConfig config, boolean dropPending) {
        LongPoll interrupted;
        synchronized (this) {
            webhook = config;
            if (dropPending) {
                pending.clear();
            }
            pending.forEach(update -> update.delivery = PendingUpdate.Delivery.IDLE);
            interrupted = poll;
            poll = null;
        }
        fail(interrupted, ApiError.conflict(WEBHOOK_ACTIVE));
        onNewUpdate.run();
    }

    synchronized boolean deleteWebhook(boolean dropPending) {
        boolean hadWebhook = webhook != null;
        webhook = null;
        if (dropPending) {
            pending.clear();
        }
        pending.forEach(update -> update.delivery = PendingUpdate.Delivery.IDLE);
        return hadWebhook;
    }

    synchronized WebhookConfig webhook() {
        return webhook;
    }

    synchronized int pendingCount() {
        return pending.size();
    }

    /**
     * Marks and returns what the webhook may receive now: per ordering key only the oldest pending
     * update, and no more in flight than max_connections.
     */
    synchronized List<PendingUpdate> claimForWebhook() {
        List<PendingUpdate> claimed = new ArrayList<>();
        if (webhook == null) {
            return claimed;
        }
        int inFlight = 0;
        for (PendingUpdate update : pending) {
            if (update.delivery == PendingUpdate.Delivery.IN_FLIGHT) {
                inFlight++;
            }
        }
        Set<Object> blockedKeys = new HashSet<>();
        for (Iterator<PendingUpdate> it = pending.iterator(); it.hasNext() && inFlight < webhook.maxConnections(); ) {
            PendingUpdate update = it.next();
            if (!AllowedUpdates.allows(webhook.allowedUpdates(), update.kind)) {
                it.remove();
                continue;
            }
            if (!blockedKeys.add(update.orderingKey())) {
                continue;
            }
            if (update.delivery == PendingUpdate.Delivery.IDLE) {
                update.delivery = PendingUpdate.Delivery.IN_FLIGHT;
                claimed.add(update);
                inFlight++;
            }
        }
        return claimed;
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

    /** Answers a waiting poll with 409, e.g. when the token is revoked. */
    void terminatePoll(ApiError error) {
        LongPoll waiting;
        synchronized (this) {
            waiting = poll;
            poll = null;
        }
        fail(waiting, error);
    }
}
