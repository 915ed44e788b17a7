package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entities Telegram finds in plain text by itself (MessageEntity types {@code url}, {@code
 * email}, {@code mention}, {@code hashtag}, {@code bot_command}), as the real server adds them to
 * every text and caption. Offsets and lengths count UTF-16 code units, as Java's string indices do;
 * an emoji before an entity moves it by two. The patterns are close to Telegram's, not its exact
 * parser (no bare domains without a scheme or "www.", no cashtags or phone numbers).
 */
final class TextEntities {
  private static final String NOT_AFTER_WORD = "(?<![\\p{L}\\p{N}_@#/.])";
  private static final List<Kind> KINDS =
      List.of(
          new Kind(
              "url", Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"]+[^\\s<>\".,;:!?)'»]")),
          new Kind(
              "email",
              Pattern.compile(
                  NOT_AFTER_WORD
                      + "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}")),
          new Kind("mention", Pattern.compile(NOT_AFTER_WORD + "@[A-Za-z][A-Za-z0-9_]{3,31}\\b")),
          new Kind(
              "hashtag",
              Pattern.compile(NOT_AFTER_WORD + "#[\\p{L}\\p{N}_]*\\p{L}[\\p{L}\\p{N}_]*")),
          new Kind(
              "bot_command",
              Pattern.compile(
                  "(?<![\\p{L}\\p{N}_/.@#])/[A-Za-z0-9_]{1,32}(?:@[A-Za-z][A-Za-z0-9_]{3,31})?"
                      + "(?![\\p{L}\\p{N}_/])")));

  private record Kind(String type, Pattern pattern) {}

  private record Found(String type, int offset, int length) {
    int end() {
      return offset + length;
    }
  }

  private TextEntities() {}

  /** Sets {@code field} ("entities" or "caption_entities") when the text holds any. */
  static void put(ObjectNode message, String field, String text) {
    List<Found> found = find(text);
    if (found.isEmpty()) {
      return;
    }
    ArrayNode entities = message.putArray(field);
    for (Found entity : found) {
      entities
          .addObject()
          .put("offset", entity.offset())
          .put("length", entity.length())
          .put("type", entity.type());
    }
  }

  /** In text order; where two kinds overlap (a mention inside a URL) the earlier-listed wins. */
  private static List<Found> find(String text) {
    List<Found> found = new ArrayList<>();
    if (text == null) {
      return found;
    }
    for (Kind kind : KINDS) {
      Matcher matcher = kind.pattern().matcher(text);
      while (matcher.find()) {
        Found candidate = new Found(kind.type(), matcher.start(), matcher.end() - matcher.start());
        if (found.stream().noneMatch(taken -> overlap(taken, candidate))) {
          found.add(candidate);
        }
      }
    }
    found.sort(Comparator.comparingInt(Found::offset));
    return found;
  }

  private static boolean overlap(Found a, Found b) {
    return a.offset() < b.end() && b.offset() < a.end();
  }
}
