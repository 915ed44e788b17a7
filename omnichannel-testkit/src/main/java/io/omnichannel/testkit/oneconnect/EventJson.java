package io.omnichannel.testkit.oneconnect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hook event body, field for field as the real service posts it, plus {@code file} for type 70.
 */
final class EventJson {
  private EventJson() {}

  static byte[] body(HookEvent event) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("line_id", event.lineId());
    json.put("user_id", event.userId());
    json.put("message_id", event.messageId());
    json.put("message_type", event.messageType());
    json.put("author_id", event.authorId());
    json.put("message_time", PushApiTime.format(event.messageTime()));
    json.put("text", event.text());
    json.put("data", event.data());
    if (event.file() != null) {
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("url", event.file().url());
      file.put("name", event.file().name());
      file.put("size", event.file().size());
      file.put("mime", event.file().mime());
      json.put("file", file);
    }
    return Json.bytes(Json.WIRE, json);
  }
}
