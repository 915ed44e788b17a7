package io.omnichannel.launcher.messengers;

import io.omnichannel.core.port.out.ChannelUpdateDecoder;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.launcher.metrics.Metering;
import io.omnichannel.launcher.web.Endpoint;
import java.util.List;

/** One running messenger adapter, as the launcher wires it. */
public interface Messenger extends AutoCloseable {
  /** The port, describing itself ({@code describe()}). */
  MessengerChannel channel();

  /** Reads the updates its webhook or poller stored. */
  ChannelUpdateDecoder decoder();

  /** Its webhook route(s), mounted on the public server. */
  List<Endpoint> endpoints();

  /** Whether it receives by long polling, which starts again for every connection at start. */
  boolean polls();

  /** Registers its own meters (ignored updates, polling bots). */
  void measure(Metering metering);

  @Override
  void close();
}
