package io.omnichannel.core.usecase;

import static com.google.common.base.Preconditions.checkArgument;

import io.omnichannel.core.domain.ChannelEvent.ChannelMessage;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.MessageContent.Document;
import java.util.List;
import java.util.Objects;

/**
 * A messenger's media group gathered from the inbox, to go into the line as one unit: its items in
 * the messenger's order, one header on the first.
 *
 * @param gathered the inbox rows of the items after the first, completed with it
 * @param continuation its first item arrived after the rest of its album had gone already
 */
record Album(List<Item> items, List<Long> gathered, boolean continuation) {
  record Item(ChannelMessage message, String eventId) {
    Item {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(eventId, "eventId");
    }
  }

  Album {
    checkArgument(!items.isEmpty(), "an album has items");
    items = List.copyOf(items);
    gathered = List.copyOf(gathered);
  }

  /** The header the first item carries into the line ({@link LineNotices#albumHeader}). */
  String header() {
    long photos =
        items.stream()
            .filter(item -> item.message().content() instanceof MessageContent.Image)
            .count();
    return LineNotices.albumHeader(photos, files() - photos, continuation);
  }

  /** The items that are files: images and documents (an album of a messenger holds only those). */
  long files() {
    return items.stream()
        .map(item -> item.message().content())
        .filter(content -> content instanceof MessageContent.Image || content instanceof Document)
        .count();
  }
}
