/**
 * The Telegram Bot API side of the gateway. The launcher uses {@link
 * io.omnichannel.telegram.Telegram} (made by {@code Telegram.create(TelegramConfig, InboundGateway,
 * PollingLeases, SendingBudget, Clock)}) and {@link io.omnichannel.telegram.TelegramConfig};
 * everything else here is package-private.
 *
 * <ul>
 *   <li>JSON methods: one Feign interface ({@code BotApi}) with one error decoder ({@code
 *       ApiErrors});
 *   <li>long polls, uploads, downloads: the JDK {@code HttpClient} ({@code BotHttp}), asynchronous
 *       and streamed;
 *   <li>receiving: {@code WebhookEndpoint} (framework-free) or {@code Poller}s holding a lease
 *       each;
 *   <li>mapping: {@code UpdateDecoder} and {@code MessageContents} (pure);
 *   <li>sending: {@code TelegramChannel} through {@code SharedPacing}, which claims slots in the
 *       budget all instances share and never waits for one (B2).
 * </ul>
 *
 * Bot tokens appear only in request URLs; every text that may reach a log or an exception passes
 * {@code Redaction}.
 */
package io.omnichannel.telegram;
