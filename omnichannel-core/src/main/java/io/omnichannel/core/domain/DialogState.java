package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * Where one specialist is in the management line's digital menu (F1). Stored after every step, so a
 * restart resumes the dialog where it was. Below the root menu every state remembers the messenger
 * being managed.
 */
public sealed interface DialogState {
  /** The root menu: one button per configured messenger. */
  record ChannelChoice() implements DialogState {}

  /** One messenger's menu: connect, disconnect, list. */
  record ChannelMenu(ChannelKind channel) implements DialogState {
    public ChannelMenu {
      Objects.requireNonNull(channel, "channel");
    }
  }

  /** A paged choice of lines, 5 per page, for connecting or disconnecting a messenger's bot. */
  record ChoosingLine(ChannelKind channel, WizardPurpose purpose, int page) implements DialogState {
    public ChoosingLine {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(purpose, "purpose");
      checkArgument(page >= 0, "page starts at 0");
    }
  }

  /** Line chosen; waiting for the messenger's bot token. Remembers the page to go back to. */
  record AwaitingToken(ChannelKind channel, LineId line, int page) implements DialogState {
    public AwaitingToken {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(line, "line");
      checkArgument(page >= 0, "page starts at 0");
    }
  }

  /** A confirmation link was sent; "Отмена" withdraws it. */
  record LinkSent(ChannelKind channel, WizardPurpose purpose) implements DialogState {
    public LinkSent {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(purpose, "purpose");
    }
  }

  DialogState START = new ChannelChoice();
}
