package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.domain.LineEvent;
import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.port.in.QueueWorker;
import io.omnichannel.core.port.out.ChannelUpdateDecoder;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.ConnectionRepository;
import io.omnichannel.core.port.out.EventInbox;
import io.omnichannel.core.port.out.LineEventDecoder;
import io.omnichannel.core.port.out.Outbox;
import io.omnichannel.core.port.out.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The inbox worker (B1): decodes each stored event, hands it to its use case, and completes it in
 * the same transaction that enqueues the sends it caused. Deliveries into a line carry the event id
 * as their external id, so an event handled twice after a crash still lands once.
 */
public final class ProcessingInbox implements QueueWorker {
  private final QueueDraining<InboundRecord> draining;
  private final ChannelUpdateDecoder channelDecoder;
  private final LineEventDecoder lineDecoder;
  private final ConnectionRepository connections;
  private final RelayToLine relayToLine;
  private final RelayToChannel relayToChannel;
  private final ManagementDialog dialog;
  private final EventInbox inbox;
  private final Outbox outbox;
  private final Transactions transactions;

  public ProcessingInbox(
      EventInbox inbox,
      Outbox outbox,
      Transactions transactions,
      ChannelUpdateDecoder channelDecoder,
      LineEventDecoder lineDecoder,
      ConnectionRepository connections,
      RelayToLine relayToLine,
      RelayToChannel relayToChannel,
      ManagementDialog dialog,
      RetryPolicy retry,
      Duration lease,
      Clock clock) {
    this.inbox = inbox;
    this.outbox = outbox;
    this.transactions = transactions;
    this.channelDecoder = channelDecoder;
    this.lineDecoder = lineDecoder;
    this.connections = connections;
    this.relayToLine = relayToLine;
    this.relayToChannel = relayToChannel;
    this.dialog = dialog;
    this.draining =
        new QueueDraining<>(
            inbox, this::handle, QueueDraining.Completion.BY_HANDLER, retry, lease, clock);
  }

  @Override
  public boolean processNext() {
    return draining.processNext();
  }

  @Override
  public void renewLeases() {
    draining.renewLeases();
  }

  private void handle(Claimed<InboundRecord> claimed) {
    InboundRecord record = claimed.item();
    List<OutboxMessage> sends =
        switch (record.kind()) {
          case CHANNEL_UPDATE -> relayChannelUpdate(record);
          case LINE_EVENT -> relayLineEvent(record);
          case MANAGEMENT_EVENT -> talkToDialog(record);
        };
    if (sends.isEmpty()) {
      inbox.complete(claimed); // one statement: it needs no transaction around it
      return;
    }
    transactions.run(
        () -> {
          sends.forEach(outbox::enqueue);
          inbox.complete(claimed);
        });
  }

  private List<OutboxMessage> relayChannelUpdate(InboundRecord record) {
    ChannelEvent event = channelDecoder.decode(record.payload());
    return relayToLine.relay(connectionOf(record), event, record.eventId());
  }

  private List<OutboxMessage> relayLineEvent(InboundRecord record) {
    LineEvent event = lineDecoder.decode(record.payload());
    return relayToChannel.relay(connectionOf(record), event, record.eventId());
  }

  private List<OutboxMessage> talkToDialog(InboundRecord record) {
    if (lineDecoder.decode(record.payload()) instanceof LineEvent.UserMessage message
        && !message.text().isBlank()) {
      dialog.handle(message.user(), message.text());
    }
    return List.of();
  }

  private Connection connectionOf(InboundRecord record) {
    ConnectionId id = record.connection().orElseThrow();
    return connections.find(id).orElseThrow(() -> new IllegalStateException("no connection " + id));
  }
}
