package io.omnichannel.launcher.messengers;

import com.google.common.base.Preconditions;
import io.omnichannel.core.domain.ChannelCatalog;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.port.out.ChannelUpdateDecoder;
import io.omnichannel.core.port.out.MessengerChannel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Every messenger of the deployment, in the order the management line's root menu lists them; the
 * core reaches a connection's messenger through {@link #router()} and reads its updates through
 * {@link #decoders()}.
 */
public final class Messengers implements AutoCloseable {
  private final List<Messenger> running;
  private final Map<ChannelKind, MessengerChannel> channels = new LinkedHashMap<>();
  private final Map<ChannelKind, ChannelUpdateDecoder> decoders = new LinkedHashMap<>();
  private final ChannelCatalog catalog;

  /**
   * @param wrap what each messenger's port is wrapped in (meters)
   */
  public Messengers(List<Messenger> running, UnaryOperator<MessengerChannel> wrap) {
    Preconditions.checkArgument(!running.isEmpty(), "at least one messenger must be configured");
    this.running = List.copyOf(running);
    for (Messenger messenger : running) {
      ChannelKind kind = messenger.channel().kind();
      Preconditions.checkArgument(
          !channels.containsKey(kind), "messenger %s configured twice", kind);
      channels.put(kind, wrap.apply(messenger.channel()));
      decoders.put(kind, messenger.decoder());
    }
    this.catalog =
        new ChannelCatalog(channels.values().stream().map(MessengerChannel::describe).toList());
  }

  public List<Messenger> running() {
    return running;
  }

  /** Each messenger's own port, for the management line (which identifies tokens per messenger). */
  public List<MessengerChannel> channels() {
    return List.copyOf(channels.values());
  }

  public ChannelCatalog catalog() {
    return catalog;
  }

  /** One port for all: each call goes to the messenger of the connection's channel. */
  public MessengerChannel router() {
    return new MessengerRouter(channels);
  }

  /** One decoder for all: the core asks it for the decoder of a connection's channel. */
  public ChannelUpdateDecoder decoders() {
    return new DecoderRouter(decoders);
  }

  @Override
  public void close() {
    running.forEach(Messenger::close);
  }
}
