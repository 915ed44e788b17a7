/**
 * What can go wrong outside the core, as the adapters report it: {@link GatewayFailure}s of the
 * messenger ({@link ChannelFailure}), of 1C-Connect ({@link PlatformFailure}) or of the database,
 * each saying whether a retry may help. Uses the domain's values only; messages never carry a
 * secret.
 */
package io.omnichannel.core.domain.failure;
