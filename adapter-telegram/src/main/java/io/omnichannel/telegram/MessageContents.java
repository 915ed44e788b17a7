package io.omnichannel.telegram;

import static io.omnichannel.telegram.UpdateDecoder.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.core.domain.Attachment;
import io.omnichannel.core.domain.ChannelLimits;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.MessageContent.UnsupportedKind;
import java.util.Optional;
import java.util.OptionalLong;

/** The content of a Telegram message (B7): what it carries, as the core's sealed content kinds. */
final class MessageContents {
  private MessageContents() {}

  /**
   * Empty for a message that carries nothing the core relays (service messages, polls, games, …).
   */
  static Optional<MessageContent> of(JsonNode message) {
    Optional<String> caption = text(message, "caption");
    if (message.has("text")) {
      return text(message, "text").map(MessageContent.Text::new);
    }
    if (message.has("photo")) {
      return largestPhoto(message.get("photo"))
          .map(photo -> new MessageContent.Image(photo, caption));
    }
    if (message.has("voice")) {
      return Optional.of(new MessageContent.Unsupported(UnsupportedKind.VOICE));
    }
    if (message.has("video_note")) {
      return Optional.of(new MessageContent.Unsupported(UnsupportedKind.VIDEO_NOTE));
    }
    if (message.has("sticker")) {
      JsonNode sticker = message.get("sticker");
      String mime =
          sticker.path("is_video").asBoolean()
              ? "video/webm"
              : sticker.path("is_animated").asBoolean() ? "application/x-tgsticker" : "image/webp";
      String extension =
          mime.equals("image/webp") ? "webp" : mime.equals("video/webm") ? "webm" : "tgs";
      return Optional.of(
          new MessageContent.Image(
              attachment(sticker, "sticker." + extension, mime), text(sticker, "emoji")));
    }
    for (String kind : new String[] {"document", "video", "audio", "animation"}) {
      if (message.has(kind)) {
        JsonNode file = message.get(kind);
        String mime = text(file, "mime_type").orElse(defaultMime(kind));
        String name = text(file, "file_name").orElse(kind + extensionOf(mime));
        return Optional.of(new MessageContent.Document(attachment(file, name, mime), caption));
      }
    }
    if (message.has("location")) {
      JsonNode location = message.get("location");
      Optional<String> venue = text(message.path("venue"), "title");
      return Optional.of(
          new MessageContent.Location(
              location.path("latitude").asDouble(), location.path("longitude").asDouble(), venue));
    }
    if (message.has("contact")) {
      JsonNode contact = message.get("contact");
      String name =
          (contact.path("first_name").asText("") + " " + contact.path("last_name").asText(""))
              .strip();
      return Optional.of(
          new MessageContent.Contact(name.isEmpty() ? "—" : name, text(contact, "phone_number")));
    }
    return Optional.empty();
  }

  /**
   * The largest size that still passes the inbound image limit; when none does, the largest, so the
   * core refuses it with a notice instead of relaying a thumbnail.
   */
  private static Optional<Attachment> largestPhoto(JsonNode sizes) {
    JsonNode best = null;
    JsonNode largest = null;
    for (JsonNode size : sizes) {
      if (largest == null || area(size) >= area(largest)) {
        largest = size;
      }
      long bytes = size.path("file_size").asLong(0);
      if (size.has("file_size")
          && bytes <= ChannelLimits.TO_LINE_IMAGE_MAX_BYTES
          && (best == null || area(size) >= area(best))) {
        best = size;
      }
    }
    JsonNode chosen = best != null ? best : largest;
    if (chosen == null) {
      return Optional.empty();
    }
    String unique = text(chosen, "file_unique_id").orElse("photo");
    return Optional.of(attachment(chosen, "photo_" + unique + ".jpg", "image/jpeg"));
  }

  private static long area(JsonNode size) {
    return size.path("width").asLong(0) * size.path("height").asLong(0);
  }

  private static Attachment attachment(JsonNode file, String fileName, String mimeType) {
    OptionalLong size =
        file.has("file_size")
            ? OptionalLong.of(file.get("file_size").asLong())
            : OptionalLong.empty();
    String fileId =
        text(file, "file_id")
            .orElseThrow(() -> new IllegalArgumentException("a file without file_id"));
    return new Attachment(fileName, mimeType, size, new FileRef(fileId));
  }

  private static String defaultMime(String kind) {
    switch (kind) {
      case "video":
      case "animation":
        return "video/mp4";
      case "audio":
        return "audio/mpeg";
      default:
        return "application/octet-stream";
    }
  }

  private static String extensionOf(String mime) {
    switch (mime) {
      case "video/mp4":
        return ".mp4";
      case "audio/mpeg":
        return ".mp3";
      default:
        return "";
    }
  }
}
