package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.ChannelCatalog;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.DialogState;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.port.out.DialogRepository;
import io.omnichannel.core.port.out.ManagementDesk;

/**
 * Posts news into a specialist's chat with the management line outside a dialog step (a
 * confirmation done in the browser) and puts the dialog back at that messenger's menu, which it
 * shows.
 */
public final class ManagementAnnouncer {
  private final ManagementDesk platform;
  private final DialogRepository dialogs;
  private final ChannelCatalog channels;

  public ManagementAnnouncer(
      ManagementDesk platform, DialogRepository dialogs, ChannelCatalog channels) {
    this.platform = platform;
    this.dialogs = dialogs;
    this.channels = channels;
  }

  /** News about a bot of {@code channel}: the specialist is then in that messenger's menu. */
  public void announce(PlatformUserId specialist, ChannelKind channel, String text) {
    DialogTexts texts = new DialogTexts(channels.describe(channel));
    dialogs.save(specialist, new DialogState.ChannelMenu(channel));
    platform.replyOnManagementLine(specialist, text, new Keyboard.ShowMenu(texts.channelMenu()));
  }
}
