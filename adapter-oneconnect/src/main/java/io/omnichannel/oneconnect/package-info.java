/**
 * The 1C-Connect side of the gateway: the push REST API (Feign, one error decoder; streamed uploads
 * and downloads on the JDK {@code HttpClient}), PartnerWebAPI2 over SOAP 1.2 (StAX out, DOM in),
 * and the hook endpoint with its event decoder. The launcher uses {@link OneConnect} and {@link
 * OneConnectConfig}; the rest is package-private. Depends on the core, Feign, Jackson and SLF4J; on
 * no other adapter.
 */
package io.omnichannel.oneconnect;
