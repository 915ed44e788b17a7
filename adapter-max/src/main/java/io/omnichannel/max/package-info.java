/**
 * The MAX Bot API side of the gateway. The launcher uses {@link io.omnichannel.max.Max} (made by
 * {@code Max.create(MaxConfig, InboundGateway, PollingLeases, SendingBudget, Clock)}) and {@link
 * io.omnichannel.max.MaxConfig}; everything else here is package-private.
 *
 * <ul>
 *   <li>JSON methods: one Feign interface ({@code MaxApi}) with one error decoder ({@code
 *       MaxApis.MaxErrorDecoder} → {@code MaxErrors}); the token as the bare {@code Authorization}
 *       header;
 *   <li>long polls, uploads, downloads: the JDK {@code HttpClient} ({@code MaxHttp});
 *   <li>TLS: {@code TrustStores} adds the configured roots (the Russian Trusted Root CA) to the
 *       JDK's; verification is never off;
 *   <li>receiving: {@code WebhookEndpoint} or {@code Poller}s holding a lease each; updates have no
 *       id, {@code UpdateKeys} gives each a stable key;
 *   <li>mapping: {@code MaxDecoder} and {@code MaxContents} (pure);
 *   <li>the port: {@code MaxChannel} only forwards a bot's access (id, token) to {@code MaxBots}
 *       and {@code Sending}, which pace through {@code Pacing}.
 * </ul>
 */
package io.omnichannel.max;
