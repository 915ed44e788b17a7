package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.DialogState;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.port.out.DialogRepository;
import io.omnichannel.core.port.out.ManagementDesk;

/**
 * Posts news into a specialist's chat with the management line outside a dialog step (a
 * confirmation done in the browser) and puts the dialog back at the channel menu, which it shows.
 */
public final class ManagementAnnouncer {
  private final ManagementDesk platform;
  private final DialogRepository dialogs;
  private final DialogTexts texts;

  public ManagementAnnouncer(
      ManagementDesk platform, DialogRepository dialogs, ChannelKind channel) {
    this.platform = platform;
    this.dialogs = dialogs;
    this.texts = new DialogTexts(channel);
  }

  public void announce(PlatformUserId specialist, String text) {
    dialogs.save(specialist, new DialogState.ChannelMenu());
    platform.replyOnManagementLine(specialist, text, new Keyboard.ShowMenu(texts.channelMenu()));
  }
}
