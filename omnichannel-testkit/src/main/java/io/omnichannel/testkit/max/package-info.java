/**
 * An emulator of the MAX Bot API ({@code https://platform-api2.max.ru}): a real HTTP server on
 * loopback that behaves like MAX on the wire — bare-token auth, {@code {code, message}} errors,
 * long polling with markers, webhook subscriptions with a secret header and retries, messages with
 * inline keyboards, the three-step upload flow with {@code attachment.not.ready}, downloads, chats
 * and members, and the stated limits (30 requests/s, 2 long polls/s; a per-chat limit on request).
 * The evidence is {@code max-bot-api.md}; where it is unconfirmed the choice is named where it is
 * made ({@link io.omnichannel.testkit.max.MaxError} for codes). Usage, the control API and
 * inspection: {@code omnichannel-testkit/MAX-EMULATOR.md}.
 *
 * <h2>Not emulated</h2>
 *
 * <ul>
 *   <li>TLS (plain HTTP on loopback), the Russian Trusted Root CA, webhook port/certificate checks;
 *       the 24-hour retention of unread updates; the webhook's 100 events/s; source subnets.
 *   <li>Channels, {@code message_removed}, {@code dialog_*} and {@code message_chat_created}
 *       builders (send them as raw updates), pins, {@code PATCH /chats}, {@code POST
 *       /chats/{id}/members}, {@code GET /videos}, the resumable upload, the {@code v} parameter,
 *       markdown/html parsing into {@code markup}, the 7-day edit limit in dialogs.
 *   <li>Which media may share one message; image dimensions and formats.
 * </ul>
 */
package io.omnichannel.testkit.max;
