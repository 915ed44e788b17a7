package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An update not yet confirmed (by getUpdates offset or a 2xx from the webhook). */
final class PendingUpdate {
  enum Delivery {
    IDLE,
    IN_FLIGHT,
    WAITING_RETRY
  }

  final long updateId;
  final long chatId;
  final String kind;
  final ObjectNode json;
  Delivery delivery = Delivery.IDLE;
  int failedAttempts;

  PendingUpdate(long updateId, long chatId, String kind, ObjectNode json) {
    this.updateId = updateId;
    this.chatId = chatId;
    this.kind = kind;
    this.json = json;
  }

  /** Updates with the same key are delivered one after another; chatless ones are independent. */
  Object orderingKey() {
    return chatId != 0 ? (Object) chatId : (Object) ("update-" + updateId);
  }
}
