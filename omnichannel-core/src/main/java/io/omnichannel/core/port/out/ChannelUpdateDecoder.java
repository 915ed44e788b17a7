package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.ChannelKind;

/**
 * Turns a stored messenger update into a {@link ChannelEvent}. Implemented by the messenger's
 * adapter; pure (no I/O). A payload it cannot read throws {@link IllegalArgumentException}.
 */
@FunctionalInterface
public interface ChannelUpdateDecoder {
  ChannelEvent decode(String payload);

  /**
   * The decoder for updates of the messenger's connections: a messenger's own decoder is that
   * already; a deployment of several messengers answers the one of {@code channel}.
   */
  default ChannelUpdateDecoder forChannel(ChannelKind channel) {
    return this;
  }
}
