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

  /** «Альбом: 3 фото», «Альбом: 2 фото, 1 файл», or «Альбом (продолжение)». */
  String header() {
    if (continuation) {
      return "Альбом (продолжение)";
    }
    long photos =
        items.stream()
            .filter(item -> item.message().content() instanceof MessageContent.Image)
            .count();
    long files = files() - photos;
    String counted =
        photos == 0
            ? files(files)
            : files == 0 ? photos + " фото" : photos + " фото, " + files(files);
    return "Альбом: " + counted;
  }

  /** The items that are files: images and documents (an album of a messenger holds only those). */
  long files() {
    return items.stream()
        .map(item -> item.message().content())
        .filter(content -> content instanceof MessageContent.Image || content instanceof Document)
        .count();
  }

  private static String files(long count) {
    long lastTwo = count % 100;
    long last = count % 10;
    String word =
        lastTwo >= 11 && lastTwo <= 14
            ? "файлов"
            : last == 1 ? "файл" : last >= 2 && last <= 4 ? "файла" : "файлов";
    return count + " " + word;
  }
}
