/**
 * An emulator of the Telegram Bot API: a real HTTP server on loopback that behaves like {@code
 * https://api.telegram.org} on the wire, including its limits and failures.
 *
 * <h2>Usage</h2>
 *
 * <pre>{@code
 * try (TelegramEmulator telegram = TelegramEmulator.start()) {          // ephemeral port
 *     String token = telegram.createBot("Support", "support_bot").token();
 *     // point the code under test at telegram.baseUrl() instead of https://api.telegram.org
 *     telegram.bot(token).user(UserSpec.of(42, "Alice")).sendsText("hi");
 *     List<SentMessage> answers = telegram.awaitSent(token, 42, 1, Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * Standalone: {@code java -cp … io.omnichannel.testkit.telegram.TelegramEmulatorMain --port 8081}.
 *
 * <h2>Control API over HTTP</h2>
 *
 * Under {@code /_emulator/telegram} (JSON in, JSON out, no Bot API envelope; a bad request is 400
 * {@code {"error":…}}):
 *
 * <ul>
 *   <li>{@code POST /bots} {@code {"first_name","username","token"?}} → the bot with its token;
 *       {@code POST /bots/{token}/revoke};
 *   <li>{@code POST /bots/{token}/updates} a raw update; {@code POST
 *       /bots/{token}/users/{id}/messages} {@code {"first_name",…,"text"}} (or {@code
 *       "photo_size"}, {@code "document"}); {@code POST /bots/{token}/users/{id}/block} and {@code
 *       …/unblock};
 *   <li>{@code POST /bots/{token}/groups/{chatId}/bot} {@code
 *       {"status":"administrator|member|left|kicked", "by":{…},"title"}}; {@code POST
 *       /bots/{token}/groups/{chatId}/members/{id}/messages}; {@code POST
 *       /bots/{token}/groups/{chatId}/migrate} → {@code {"supergroup_id"}};
 *   <li>{@code GET /bots/{token}/chats/{chatId}/sent?count=N&timeout_ms=T} waits (asynchronously)
 *       for N sent messages, 408 on timeout; {@code GET /bots/{token}/webhook-deliveries}; {@code
 *       GET /bots/{token}/stats} (too_many_requests, pending_update_count, webhook_deliveries);
 *   <li>{@code POST /failures/next} {@code {"token","method","status","description"}}, {@code POST
 *       /failures/outage} {@code {"status","description","duration_ms"}}, {@code POST
 *       /failures/delay} {@code {"delay_ms"}}, {@code DELETE /failures}.
 * </ul>
 *
 * <h2>Bot API (wire)</h2>
 *
 * {@code /bot<token>/<method>} by GET or POST; parameters from the query string and from {@code
 * application/x-www-form-urlencoded}, {@code application/json} or {@code multipart/form-data}
 * bodies (JSON-valued ones such as {@code reply_markup} as JSON text or, in JSON bodies, as
 * objects). Answers {@code {"ok":true,"result":…}} or {@code {"ok":false,"error_code":…,
 * "description":…,"parameters":{…}}} with the same HTTP status. Method names are case-insensitive;
 * an unknown method is 404 {@code Not Found}; an unknown or revoked token 401 {@code Unauthorized}.
 * Files download from {@code /file/bot<token>/<file_path>}. Emulated methods: getMe, getUpdates,
 * setWebhook, deleteWebhook, getWebhookInfo, sendMessage, sendPhoto, sendDocument, sendChatAction,
 * leaveChat, getChat, getFile, answerCallbackQuery and setMyCommands (the last two just answer
 * true). Every other method answers 404.
 *
 * <h2>Updates</h2>
 *
 * {@code update_id} strictly increases per bot. getUpdates supports offset (positive confirms,
 * negative keeps the last N), limit 1–100 (clamped), timeout ≤ 50 s (answered asynchronously: a
 * waiting poll holds no server thread) and allowed_updates (kept, and applied to updates arriving
 * later — they are not stored, as on the real service). A second getUpdates answers the earlier one
 * 409 "terminated by other getUpdates request"; getUpdates with a webhook set answers 409 too.
 * Webhooks: POST of the update JSON with {@code X-Telegram-Bot-Api-Secret-Token}; a non-2xx answer,
 * refused connection or timeout is retried with exponential backoff ({@link WebhookRetryPolicy});
 * updates of one chat are delivered one at a time in order (the next only after the previous was
 * answered 2xx), different chats in parallel up to max_connections. getWebhookInfo reports
 * pending_update_count and the last error, e.g. "Wrong response from the webhook: 500 Internal
 * Server Error" or "Connection refused". Unlike the real service, plain {@code http://} URLs and
 * any port are accepted so tests can receive on loopback.
 *
 * <h2>Sending limits and failures</h2>
 *
 * Text 1–4096 and captions ≤ 1024 UTF-16 units after entity parsing (HTML, Markdown, MarkdownV2
 * markup is stripped approximately); photo uploads ≤ 10 MB and document uploads ≤ 50 MB (else 413
 * "Request Entity Too Large"; larger requests are read and discarded, never kept); getFile ≤ 20 MB
 * (else 400 "file is too big"). 403 for a user who blocked the bot and for a group the bot was
 * kicked from or left; 400 "chat not found" for chats that never interacted with the bot; 400 with
 * {@code parameters.migrate_to_chat_id} for a group that became a supergroup.
 *
 * <h2>429 accounting (exact)</h2>
 *
 * Counted sends: sendMessage, sendPhoto, sendDocument that passed every other check (a rejected
 * send consumes nothing; sendChatAction is not counted). A send passes only if all three hold:
 *
 * <ul>
 *   <li>private chat: a token bucket of {@link RateLimits#privateChatBurst()} (3) tokens, one token
 *       back every {@link RateLimits#privateChatRefill()} (1 s) — so a steady 1 msg/s never hits;
 *   <li>group or supergroup: at most {@link RateLimits#groupMessages()} (20) sends in any sliding
 *       {@link RateLimits#groupWindow()} (60 s);
 *   <li>the whole bot: at most {@link RateLimits#botMessages()} (30) sends in any sliding {@link
 *       RateLimits#botWindow()} (1 s).
 * </ul>
 *
 * Otherwise 429 "Too Many Requests: retry after N" with {@code parameters.retry_after} = N = the
 * wait until the send would pass, rounded up to whole seconds (at least 1). With {@link
 * RateLimits#timeScale()} ≠ 1 all windows shrink by that factor but N stays in emulated seconds
 * (real wait = N × timeScale). Time comes from {@link TelegramEmulatorConfig#ticker()}, so a test
 * can move it by hand. {@link TelegramEmulator#tooManyRequestsCount(String)} counts the 429s.
 *
 * <h2>Memory caps (per {@link TelegramEmulatorConfig})</h2>
 *
 * Sent messages kept per chat: {@code historyPerChat} (1,000; counts stay exact beyond); webhook
 * deliveries kept per bot: {@code deliveriesPerBot} (1,000); unconfirmed updates per bot: {@code
 * pendingUpdatesPerBot} (10,000, the oldest dropped beyond); bytes of stored files in total: {@code
 * storedFileBytes} (256 MB; beyond, the oldest files lose their bytes and download as 404). Files
 * injected with a declared size are generated on download and cost no memory. Multipart parts over
 * 1 MB are spooled to a temporary directory that {@link TelegramEmulator#close()} deletes.
 *
 * <h2>Not emulated (yet)</h2>
 *
 * <ul>
 *   <li>Methods other than those listed above (editMessageText, deleteMessage, forwardMessage,
 *       copyMessage, sendMediaGroup, sendVoice, …), inline mode, payments, business connections;
 *       update kinds without a builder (chat_member, message_reaction, …) go in as raw JSON.
 *   <li>Sending by HTTP URL (answers 400 "failed to get HTTP URL content": the emulator has no
 *       outside network), @channel usernames as chat_id, channels, reply_parameters and
 *       reply_to_message in the bot's own answers; of the entities Telegram finds in plain text,
 *       cashtags, phone numbers and bare domains (see {@link TextEntities}). A user's reply embeds
 *       the replied message only if the bot sent it (and it is still kept); otherwise a minimal
 *       message with its id.
 *   <li>Group and chat titles do not change; a private user's name changes silently when a scenario
 *       passes a new {@link UserSpec} with the same id.
 *   <li>Exact entity parsing errors ("can't parse entities"), image decoding beyond reading the
 *       width and height, thumbnails of real sizes; photo answers carry two sizes.
 *   <li>Privacy mode: every group message is delivered, whatever the bot's rights.
 *   <li>Webhook: certificates, ip_address, HTTPS-only and port checks, answering a method in the
 *       webhook response body, last_synchronization_error_date; the retry schedule is our own.
 *   <li>Unconfirmed updates are kept without the 24-hour expiry; file links do not expire.
 *   <li>Limits the real service does not publish (e.g. on getUpdates frequency, broadcast limits of
 *       paid bots), "user is deactivated" (inject via {@code failNext}).
 *   <li>On Java 17 the JDK HttpClient has no close(): after {@code close()} its selector thread
 *       ends when the client is garbage-collected; the emulator's own threads stop at once.
 * </ul>
 */
package io.omnichannel.testkit.telegram;
