package io.omnichannel.testkit.oneconnect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The idempotency keys of the receive calls: (line, external_id) → message_id, the oldest forgotten
 * past {@link OneConnectEmulatorConfig#maxIdempotencyKeys()}. Check and delivery happen under one
 * lock, so two concurrent requests with one key deliver once.
 */
final class ReceiveLedger {
  private final Map<ChatKey, String> messageIds;

  ReceiveLedger(int capacity) {
    this.messageIds =
        new LinkedHashMap<>(16, 0.75f, false) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<ChatKey, String> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * The message id of an earlier delivery with this key, else runs {@code deliver} and remembers
   * its id.
   */
  synchronized String deliverOnce(String lineId, String externalId, Supplier<String> deliver) {
    ChatKey key = new ChatKey(lineId, externalId);
    String known = messageIds.get(key);
    if (known != null) {
      return known;
    }
    String messageId = deliver.get();
    messageIds.put(key, messageId);
    return messageId;
  }
}
