package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.ChannelEvent.ChannelMessage;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.InboundKind;
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
import java.util.Optional;

/**
 * The inbox worker (B1): decodes each stored event, hands it to its use case, and completes it in
 * the same transaction that enqueues the sends it caused. Deliveries into a line carry the event id
 * as their external id, so an event handled twice after a crash still lands once. An album's items
 * go as one unit ({@link GatheringAlbums}).
 */
public final class ProcessingInbox implements QueueWorker {
  /** A messenger sends an album's items within moments of each other. */
  public static final Duration DEFAULT_ALBUM_WINDOW = Duration.ofSeconds(1);

  private final QueueDraining<InboundRecord> draining;
  private final GatheringAlbums albums;
  private final ChannelUpdateDecoder channelDecoder;
  private final LineEventDecoder lineDecoder;
  private final ConnectionRepository connections;
  private final RelayToLine relayToLine;
  private final RelayToChannel relayToChannel;
  private final ManagementDialog dialog;
  private final EventInbox inbox;
  private final Outbox outbox;
  private final Transactions transactions;

  /**
   * @param albumWindow how long after its first item is stored an album is gathered
   */
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
      Duration albumWindow,
      Clock clock) {
    this.albums = new GatheringAlbums(inbox, albumWindow, clock);
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

  /** What handling a row caused: sends to enqueue, and rows behind it it took care of. */
  private record Handled(List<OutboxMessage> sends, List<Long> gathered) {
    static Handled sending(List<OutboxMessage> sends) {
      return new Handled(sends, List.of());
    }
  }

  private void handle(Claimed<InboundRecord> claimed) {
    InboundRecord record = claimed.item();
    Handled handled =
        switch (record.kind()) {
          case CHANNEL_UPDATE -> relayChannelUpdate(claimed);
          case LINE_EVENT -> Handled.sending(relayLineEvent(record));
          case MANAGEMENT_EVENT -> Handled.sending(talkToDialog(record));
        };
    if (handled.sends().isEmpty() && handled.gathered().isEmpty()) {
      if (record.kind() == InboundKind.CHANNEL_UPDATE) {
        // what it did lands once if done again: the line takes a delivery once by its id, the
        // account and ban writes set the state they found; a dialog's answer or a line event's
        // notice to the line would be said twice, so those complete at once
        inbox.completeSoon(claimed);
      } else {
        inbox.complete(claimed); // one statement: it needs no transaction around it
      }
      return;
    }
    transactions.run(
        () -> {
          handled.sends().forEach(outbox::enqueue);
          if (!handled.gathered().isEmpty()) {
            inbox.completeGathered(claimed, handled.gathered());
          }
          inbox.complete(claimed);
        });
  }

  private Handled relayChannelUpdate(Claimed<InboundRecord> claimed) {
    InboundRecord record = claimed.item();
    Connection connection = connectionOf(record);
    ChannelUpdateDecoder decoder = channelDecoder.forChannel(connection.channel());
    ChannelEvent event = decoder.decode(record.payload());
    Optional<String> group = GatheringAlbums.groupOf(event);
    if (group.isPresent()) {
      Album album = albums.gather(claimed, (ChannelMessage) event, group.get(), decoder);
      return new Handled(relayToLine.relayAlbum(connection, album), album.gathered());
    }
    return Handled.sending(relayToLine.relay(connection, event, record.eventId()));
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
