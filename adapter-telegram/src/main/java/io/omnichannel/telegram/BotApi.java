package io.omnichannel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.util.List;
import java.util.Map;

/**
 * The JSON methods of the Bot API, bound to one bot's {@code <base>/bot<token>}. getUpdates,
 * uploads and file downloads go through {@link BotHttp} instead: Feign holds a request body as one
 * byte array (an upload of 50 MB would sit whole in memory), and a synchronous getUpdates would
 * hold a thread per polling bot for the whole long poll; the JDK client's {@code sendAsync} waits
 * on a socket and its future aborts the exchange when a disconnect cancels it.
 */
@Headers("Content-Type: application/json")
interface BotApi {

  @RequestLine("POST /getMe")
  Reply<User> getMe();

  @RequestLine("POST /setWebhook")
  Reply<Boolean> setWebhook(SetWebhook request);

  @RequestLine("POST /deleteWebhook")
  Reply<Boolean> deleteWebhook(Map<String, Object> request);

  @RequestLine("POST /getWebhookInfo")
  Reply<WebhookInfo> getWebhookInfo();

  @RequestLine("POST /sendMessage")
  Reply<JsonNode> sendMessage(SendMessage request);

  @RequestLine("POST /getFile?file_id={fileId}")
  Reply<FileInfo> getFile(@Param("fileId") String fileId);

  /**
   * {@code {"ok":true,"result":…}}; refusals never get here, the error decoder turns them into
   * failures.
   */
  record Reply<T>(boolean ok, T result) {}

  record User(long id, boolean is_bot, String first_name, String last_name, String username) {}

  record SetWebhook(
      String url, String secret_token, List<String> allowed_updates, int max_connections) {}

  record WebhookInfo(
      String url, int pending_update_count, Long last_error_date, String last_error_message) {}

  /** {@code message_thread_id}: the forum topic to post into, null for none (B9). */
  record SendMessage(String chat_id, Long message_thread_id, String text, JsonNode reply_markup) {}

  record FileInfo(String file_id, Long file_size, String file_path) {}
}
