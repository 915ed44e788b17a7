package io.omnichannel.launcher.messengers;

import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.port.out.ChannelUpdateDecoder;
import java.util.Map;

/** The stored updates of several messengers, each read by its own messenger's decoder. */
final class DecoderRouter implements ChannelUpdateDecoder {
  private final Map<ChannelKind, ChannelUpdateDecoder> decoders;

  DecoderRouter(Map<ChannelKind, ChannelUpdateDecoder> decoders) {
    this.decoders = Map.copyOf(decoders);
  }

  /** Only a deployment of one messenger knows whose an update is without its connection. */
  @Override
  public ChannelEvent decode(String payload) {
    if (decoders.size() != 1) {
      throw new IllegalStateException("several messengers: decode forChannel(kind)");
    }
    return decoders.values().iterator().next().decode(payload);
  }

  /**
   * @throws IllegalStateException for a messenger not configured: the update stays stored, and is
   *     read once the messenger is configured again
   */
  @Override
  public ChannelUpdateDecoder forChannel(ChannelKind channel) {
    ChannelUpdateDecoder decoder = decoders.get(channel);
    if (decoder == null) {
      throw new IllegalStateException("messenger " + channel + " is not configured");
    }
    return decoder;
  }
}
