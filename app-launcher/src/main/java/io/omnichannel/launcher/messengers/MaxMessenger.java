package io.omnichannel.launcher.messengers;

import io.omnichannel.core.port.out.ChannelUpdateDecoder;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.launcher.metrics.Metering;
import io.omnichannel.launcher.web.Endpoint;
import io.omnichannel.launcher.web.MaxHookEndpoint;
import io.omnichannel.max.Max;
import io.omnichannel.max.MaxConfig;
import java.util.List;

/** MAX, switched on by its settings ({@code OMNICHANNEL_MAX_*}); off unless enabled. */
public final class MaxMessenger implements Messenger {
  private final Max max;
  private final boolean polls;

  private MaxMessenger(Max max, boolean polls) {
    this.max = max;
    this.polls = polls;
  }

  public static MessengerSetup setup(MaxConfig config) {
    return context ->
        new MaxMessenger(
            Max.create(
                config, context.gateway(), context.leases(), context.budget(), context.clock()),
            config.receiveMode() == MaxConfig.ReceiveMode.POLLING);
  }

  @Override
  public MessengerChannel channel() {
    return max.messengerChannel();
  }

  @Override
  public ChannelUpdateDecoder decoder() {
    return max.updateDecoder();
  }

  @Override
  public List<Endpoint> endpoints() {
    return List.of(new MaxHookEndpoint(max.webhookHandler()));
  }

  @Override
  public boolean polls() {
    return polls;
  }

  @Override
  public void measure(Metering metering) {
    metering.ignored("max", max, Max::ignoredUpdates);
    metering.pollingBots("max", max, Max::pollingBots);
  }

  @Override
  public void close() {
    max.close();
  }
}
