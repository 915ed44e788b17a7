/**
 * The conformance kit of the channel SPI (B4): {@link
 * io.omnichannel.conformance.MessengerChannelConformance}, the contract tests every messenger
 * adapter passes, and {@link io.omnichannel.conformance.ChannelDriver}, what the adapter's test
 * implements for its own messenger. How to add a channel: {@code CHANNELS.md} at the repository
 * root.
 */
package io.omnichannel.conformance;
