package io.omnichannel.launcher.messengers;

import io.omnichannel.core.port.out.ChannelUpdateDecoder;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.launcher.metrics.Metering;
import io.omnichannel.launcher.web.Endpoint;
import io.omnichannel.launcher.web.TelegramHookEndpoint;
import io.omnichannel.telegram.Telegram;
import io.omnichannel.telegram.TelegramConfig;
import java.util.List;

/** Telegram, switched on by its settings ({@code OMNICHANNEL_TELEGRAM_*}). */
public final class TelegramMessenger implements Messenger {
  private final Telegram telegram;
  private final boolean polls;

  private TelegramMessenger(Telegram telegram, boolean polls) {
    this.telegram = telegram;
    this.polls = polls;
  }

  public static MessengerSetup setup(TelegramConfig config) {
    return context ->
        new TelegramMessenger(
            Telegram.create(
                config, context.gateway(), context.leases(), context.budget(), context.clock()),
            config.receiveMode() == TelegramConfig.ReceiveMode.POLLING);
  }

  @Override
  public MessengerChannel channel() {
    return telegram.messengerChannel();
  }

  @Override
  public ChannelUpdateDecoder decoder() {
    return telegram.updateDecoder();
  }

  @Override
  public List<Endpoint> endpoints() {
    return List.of(new TelegramHookEndpoint(telegram.webhookHandler()));
  }

  @Override
  public boolean polls() {
    return polls;
  }

  @Override
  public void measure(Metering metering) {
    metering.ignored("telegram", telegram, Telegram::ignoredUpdates);
    metering.pollingBots("telegram", telegram, Telegram::pollingBots);
  }

  @Override
  public void close() {
    telegram.close();
  }
}
