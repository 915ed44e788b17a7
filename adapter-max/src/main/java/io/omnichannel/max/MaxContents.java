package io.omnichannel.max;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.core.domain.Attachment;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.MessageContent.UnsupportedKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The contents of a MAX message body (B7): each attachment the core relays, in order, as the core's
 * sealed content kinds, with the body's text once. Stickers arrive as images, video as documents,
 * audio (voice messages) as unsupported, contacts and locations as themselves, a shared link as
 * text.
 */
final class MaxContents {
  private MaxContents() {}

  /**
   * Empty when the body carries nothing the core relays. The text is the caption of the first image
   * or document; without one it goes first, as a text of its own.
   */
  static List<MessageContent> of(JsonNode body) {
    Optional<String> text = text(body, "text");
    List<MessageContent> parts = new ArrayList<>();
    for (JsonNode attachment : body.path("attachments")) {
      attachment(attachment, text).ifPresent(parts::add);
    }
    if (text.isEmpty()) {
      return parts;
    }
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i) instanceof MessageContent.Image image) {
        parts.set(i, new MessageContent.Image(image.file(), text));
        return parts;
      }
      if (parts.get(i) instanceof MessageContent.Document document) {
        parts.set(i, new MessageContent.Document(document.file(), text));
        return parts;
      }
    }
    parts.add(0, new MessageContent.Text(text.get()));
    return parts;
  }

  private static Optional<MessageContent> attachment(JsonNode attachment, Optional<String> text) {
    JsonNode payload = attachment.path("payload");
    switch (attachment.path("type").asText("")) {
      case "image":
        return url(payload)
            .map(
                url ->
                    new MessageContent.Image(
                        new Attachment(
                            "image_" + payload.path("photo_id").asText("photo") + ".jpg",
                            "image/jpeg",
                            OptionalLong.empty(),
                            FileRefs.of(OptionalLong.empty(), url)),
                        Optional.empty()));
      case "file":
        {
          OptionalLong size =
              attachment.path("size").canConvertToLong() && attachment.path("size").asLong() >= 0
                  ? OptionalLong.of(attachment.path("size").asLong())
                  : OptionalLong.empty();
          String name = text(attachment, "filename").orElse("file");
          return url(payload)
              .map(
                  url ->
                      new MessageContent.Document(
                          new Attachment(name, mimeOf(name), size, FileRefs.of(size, url)),
                          Optional.empty()));
        }
      case "video":
        return url(payload)
            .map(
                url ->
                    new MessageContent.Document(
                        new Attachment(
                            "video.mp4",
                            "video/mp4",
                            OptionalLong.empty(),
                            FileRefs.of(OptionalLong.empty(), url)),
                        Optional.empty()));
      case "audio":
        return Optional.of(new MessageContent.Unsupported(UnsupportedKind.VOICE));
      case "sticker":
        return url(payload)
            .map(
                url ->
                    new MessageContent.Image(
                        new Attachment(
                            "sticker" + extension(url, ".webp"),
                            mimeOf("sticker" + extension(url, ".webp")),
                            OptionalLong.empty(),
                            FileRefs.of(OptionalLong.empty(), url)),
                        Optional.empty()));
      case "contact":
        return Optional.of(contact(payload));
      case "location":
        {
          JsonNode latitude = attachment.path("latitude");
          JsonNode longitude = attachment.path("longitude");
          if (!latitude.isNumber() || !longitude.isNumber()) {
            return Optional.empty();
          }
          double lat = latitude.asDouble();
          double lon = longitude.asDouble();
          if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            return Optional.empty();
          }
          return Optional.of(new MessageContent.Location(lat, lon, Optional.empty()));
        }
      case "share":
        {
          if (text.isPresent()) {
            return Optional.empty(); // the message's text tells the link
          }
          String shared =
              (text(attachment, "title").map(title -> title + "\n").orElse("")
                      + text(payload, "url").orElse(""))
                  .strip();
          return shared.isEmpty() ? Optional.empty() : Optional.of(new MessageContent.Text(shared));
        }
      default:
        return Optional.empty();
    }
  }

  /** A contact card: the name and phone of its vCard, else the MAX user it names. */
  private static MessageContent contact(JsonNode payload) {
    Optional<String> name = Optional.empty();
    Optional<String> phone = Optional.empty();
    for (String line : payload.path("vcf_info").asText("").split("\\r?\\n")) {
      String upper = line.toUpperCase(Locale.ROOT);
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String value = line.substring(colon + 1).strip();
      if (upper.startsWith("FN") && !value.isEmpty() && name.isEmpty()) {
        name = Optional.of(value);
      } else if (upper.startsWith("TEL") && !value.isEmpty() && phone.isEmpty()) {
        phone = Optional.of(value);
      }
    }
    if (name.isEmpty()) {
      name = MaxDecoder.displayName(payload.path("max_info"));
    }
    return new MessageContent.Contact(name.orElse("—"), phone);
  }

  private static Optional<String> url(JsonNode payload) {
    return text(payload, "url")
        .filter(url -> url.startsWith("https://") || url.startsWith("http://"));
  }

  private static String extension(String url, String otherwise) {
    String path = url.replaceAll("[?#].*$", "");
    int dot = path.lastIndexOf('.');
    int slash = path.lastIndexOf('/');
    if (dot > slash && path.length() - dot <= 5) {
      return path.substring(dot).toLowerCase(Locale.ROOT);
    }
    return otherwise;
  }

  static String mimeOf(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    int dot = lower.lastIndexOf('.');
    switch (dot < 0 ? "" : lower.substring(dot + 1)) {
      case "pdf":
        return "application/pdf";
      case "jpg":
      case "jpeg":
        return "image/jpeg";
      case "png":
        return "image/png";
      case "gif":
        return "image/gif";
      case "webp":
        return "image/webp";
      case "txt":
        return "text/plain";
      case "doc":
        return "application/msword";
      case "docx":
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
      case "xls":
        return "application/vnd.ms-excel";
      case "xlsx":
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      case "zip":
        return "application/zip";
      case "mp4":
        return "video/mp4";
      case "mp3":
        return "audio/mpeg";
      default:
        return "application/octet-stream";
    }
  }

  static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() && !value.asText().isBlank()
        ? Optional.of(value.asText())
        : Optional.empty();
  }
}
