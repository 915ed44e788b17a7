package io.omnichannel.testkit.oneconnect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hook event body as the real service posts it (oneconnect-api.md §5): the envelope ({@code
 * event_type}, and {@code event_source} — the kind of hook it is posted to) flat beside the event's
 * own fields. A line event leaves out {@code author_id} on automatic events and {@code
 * treatment_id} outside a treatment; its file is the File object.
 */
final class EventJson {
  private EventJson() {}

  static byte[] body(HookEvent event, HookRegistration.Type source) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("event_type", event.eventType());
    json.put("event_source", source == HookRegistration.Type.BOT ? "bot" : "line");
    if (event.isLineEvent()) {
      json.put("line_id", event.lineId());
      json.put("user_id", event.userId());
      json.put("message_id", event.messageId());
      json.put("message_type", event.messageType());
      if (event.authorId() != null) {
        json.put("author_id", event.authorId());
      }
      if (event.treatmentId() != null) {
        json.put("treatment_id", event.treatmentId());
      }
      json.put("message_time", PushApiTime.format(event.messageTime()));
      json.put("text", event.text() == null ? "" : event.text());
      json.put("data", event.data());
      if (event.file() != null) {
        json.put("file", file(event.file(), event.text()));
      }
    }
    json.putAll(event.fields());
    return Json.bytes(Json.WIRE, json);
  }

  /** The File object: no MIME type (the receiver derives it from the name or the download). */
  private static Map<String, Object> file(FileRef file, String comment) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("file_id", file.fileId());
    json.put("file_path", file.url());
    json.put("file_name", file.name());
    json.put("file_size", file.size());
    if (comment != null && !comment.isBlank()) {
      json.put("comment", comment);
    }
    return json;
  }
}
