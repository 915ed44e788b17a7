package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.ChannelEvent;

/**
 * Turns a stored messenger update into a {@link ChannelEvent}. Implemented by the messenger's
 * adapter; pure (no I/O). A payload it cannot read throws {@link IllegalArgumentException}.
 */
@FunctionalInterface
public interface ChannelUpdateDecoder {
  ChannelEvent decode(String payload);
}
