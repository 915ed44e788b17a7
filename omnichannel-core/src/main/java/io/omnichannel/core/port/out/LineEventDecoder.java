package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.LineEvent;

/**
 * Turns a stored 1C-Connect hook event into a {@link LineEvent}. Implemented by the platform's
 * adapter; pure (no I/O). A payload it cannot read throws {@link IllegalArgumentException}.
 */
@FunctionalInterface
public interface LineEventDecoder {
  LineEvent decode(String payload);
}
