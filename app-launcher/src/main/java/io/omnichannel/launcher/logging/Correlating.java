package io.omnichannel.launcher.logging;

import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.EventInbox;
import io.omnichannel.core.port.out.Outbox;
import io.omnichannel.launcher.work.ForwardingEventInbox;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The inbox and outbox with their claimed rows' ids in the MDC ({@link CorrelatedQueue}). An event
 * id names its source: {@code <messenger>:<bot>:<update_id>} or {@code platform:<message_id>}.
 */
public final class Correlating {
  private static final String PLATFORM = "platform:";

  private Correlating() {}

  public static EventInbox inbox(EventInbox inbox) {
    return new ForwardingEventInbox(inbox) {
      @Override
      public Optional<Claimed<InboundRecord>> claimNext(Instant now, Duration lease) {
        return CorrelatedQueue.correlated(super.claimNext(now, lease), "inbox", Correlating::ids);
      }
    };
  }

  public static Outbox outbox(Outbox outbox) {
    final class CorrelatedOutbox extends CorrelatedQueue<OutboxMessage> implements Outbox {
      CorrelatedOutbox() {
        super(outbox, "outbox", Correlating::ids);
      }

      @Override
      public void enqueue(OutboxMessage message) {
        outbox.enqueue(message);
      }

      @Override
      public void holdFollowing(Claimed<OutboxMessage> sent, Instant notBefore) {
        outbox.holdFollowing(sent, notBefore);
      }
    }
    return new CorrelatedOutbox();
  }

  static Map<String, String> ids(InboundRecord record) {
    Map<String, String> ids = new HashMap<>();
    record
        .connection()
        .ifPresent(connection -> ids.put(Correlation.CONNECTION, connection.value()));
    sourceEvent(record.eventId(), ids);
    return ids;
  }

  static Map<String, String> ids(OutboxMessage message) {
    Map<String, String> ids = new HashMap<>();
    ids.put(Correlation.CONNECTION, message.connection().value());
    sourceEvent(message.sourceEventId(), ids);
    return ids;
  }

  /** The line message id or the update id an event id carries, under its own key. */
  private static void sourceEvent(String eventId, Map<String, String> ids) {
    if (eventId.startsWith(PLATFORM)) {
      ids.put(Correlation.LINE_MESSAGE_ID, eventId.substring(PLATFORM.length()));
    } else {
      ids.put(Correlation.UPDATE_ID, eventId.substring(eventId.lastIndexOf(':') + 1));
    }
  }
}
