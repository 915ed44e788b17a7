package io.omnichannel.max;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import java.util.List;
import java.util.Map;

/**
 * The JSON methods of the MAX Bot API, bound to one bot (its token rides in the {@code
 * Authorization} header, set by {@link MaxApis}). Long polls, the upload host and file downloads go
 * through {@link MaxHttp} instead: Feign holds a body as one byte array and waits on a thread.
 *
 * <p>MAX answers success as a bare object, refusals as a status with {@code {code, message}}; the
 * error decoder turns the latter into the core's failures, so nothing here sees them.
 */
@Headers("Content-Type: application/json")
interface MaxApi {

  @RequestLine("GET /me")
  BotInfo me();

  @RequestLine("GET /subscriptions")
  Subscriptions subscriptions();

  @RequestLine("POST /subscriptions")
  Simple subscribe(Subscribe request);

  @RequestLine("DELETE /subscriptions?url={url}")
  Simple unsubscribe(@Param("url") String url);

  /** {@code chat_id} or {@code user_id}: one of the two, as a query map. */
  @RequestLine("POST /messages")
  Sent send(@QueryMap Map<String, Object> recipient, NewMessage body);

  @RequestLine("POST /uploads?type={type}")
  UploadEndpoint upload(@Param("type") String type);

  @RequestLine("GET /chats/{chatId}")
  Chat chat(@Param("chatId") long chatId);

  @JsonIgnoreProperties(ignoreUnknown = true)
  record BotInfo(long user_id, String first_name, String last_name, String username, String name) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Subscriptions(List<Subscription> subscriptions) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Subscription(String url, Long time, List<String> update_types) {}

  /** {@code secret} matches {@code ^[a-zA-Z0-9_-]{5,256}$}. */
  record Subscribe(String url, List<String> update_types, String secret) {}

  /** {@code {"success":true}}; a 200 may still say {@code false} with a message. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Simple(boolean success, String message) {}

  /**
   * {@code text} ≤ 4000 characters, or null with attachments only; absent fields are omitted (the
   * mapper leaves nulls out).
   */
  record NewMessage(String text, List<JsonNode> attachments) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Sent(JsonNode message) {}

  /** What a group's account is named after; the rest of MAX's {@code Chat} is not needed. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Chat(long chat_id, String type, String title) {}

  /** Step 1 of an upload: where to POST the file; {@code token} only for video and audio. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record UploadEndpoint(String url, String token) {}
}
