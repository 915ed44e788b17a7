package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.ChannelEvent.ChannelMessage;
import io.omnichannel.core.domain.InboundKind;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.port.out.ChannelUpdateDecoder;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.EventInbox;
import io.omnichannel.core.port.out.InboxNeighbour;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A messenger sends an album as one update per item, sharing a media group id, within moments. The
 * first item waits (postponed, so the chat's later rows queue behind it) until a short window after
 * it was stored, then takes the items stored behind it; one stored after the album went goes on its
 * own as a continuation.
 */
final class GatheringAlbums {
  /** How far back an earlier part of the same album is looked for. */
  private static final Duration LOOKBACK = Duration.ofMinutes(10);

  private final EventInbox inbox;
  private final Duration window;
  private final Clock clock;

  GatheringAlbums(EventInbox inbox, Duration window, Clock clock) {
    this.inbox = inbox;
    this.window = window;
    this.clock = clock;
  }

  /** The album's group id when the message is an album's item; an edit goes on its own. */
  static Optional<String> groupOf(ChannelEvent event) {
    return event instanceof ChannelMessage message && !message.context().edited()
        ? message.context().mediaGroupId()
        : Optional.empty();
  }

  /**
   * The album the claimed item heads.
   *
   * @throws NotYetDue while the window after the item's storing is still open
   */
  /**
   * @param decoder the decoder of the head's messenger: every item is of the head's connection
   */
  Album gather(
      Claimed<InboundRecord> head,
      ChannelMessage first,
      String group,
      ChannelUpdateDecoder decoder) {
    InboundRecord record = head.item();
    Instant closes = record.receivedAt().plus(window);
    if (clock.instant().isBefore(closes)) {
      throw new NotYetDue(closes, "gathering album " + group);
    }
    List<Album.Item> items = new ArrayList<>(List.of(new Album.Item(first, record.eventId())));
    List<Long> gathered = new ArrayList<>();
    boolean continuation = false;
    boolean behind = true;
    for (InboxNeighbour neighbour :
        inbox.neighboursSince(head, record.receivedAt().minus(LOOKBACK))) {
      Optional<ChannelMessage> item = itemOf(neighbour.record(), record, group, decoder);
      if (neighbour.id() < head.id()) {
        continuation |= item.isPresent() && !neighbour.waiting();
      } else if (behind && neighbour.waiting() && item.isPresent()) {
        items.add(new Album.Item(item.get(), neighbour.record().eventId()));
        gathered.add(neighbour.id());
      } else {
        behind = false; // the chat's next other row: what follows it keeps its turn
      }
    }
    return new Album(items, gathered, continuation);
  }

  private static Optional<ChannelMessage> itemOf(
      InboundRecord candidate, InboundRecord head, String group, ChannelUpdateDecoder decoder) {
    if (candidate.kind() != InboundKind.CHANNEL_UPDATE
        || !candidate.connection().equals(head.connection())) {
      return Optional.empty();
    }
    ChannelEvent event;
    try {
      event = decoder.decode(candidate.payload());
    } catch (RuntimeException undecodable) {
      return Optional.empty(); // it fails in its own turn, not in the album's
    }
    return groupOf(event).filter(group::equals).map(same -> (ChannelMessage) event);
  }
}
