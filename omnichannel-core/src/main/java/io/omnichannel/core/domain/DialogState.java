package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * Where one specialist is in the management line's digital menu (F1). Stored after every step, so a
 * restart resumes the dialog where it was.
 */
public sealed interface DialogState {
  /** The top menu: the channels that can be managed ("Telegram"). */
  record ChannelChoice() implements DialogState {}

  /** Connect, disconnect, list. */
  record ChannelMenu() implements DialogState {}

  /** A paged choice of lines, 5 per page, for connecting or disconnecting. */
  record ChoosingLine(WizardPurpose purpose, int page) implements DialogState {
    public ChoosingLine {
      Objects.requireNonNull(purpose, "purpose");
      checkArgument(page >= 0, "page starts at 0");
    }
  }

  /** Line chosen; waiting for the BotFather token. Remembers the page to go back to. */
  record AwaitingToken(LineId line, int page) implements DialogState {
    public AwaitingToken {
      Objects.requireNonNull(line, "line");
      checkArgument(page >= 0, "page starts at 0");
    }
  }

  /** A confirmation link was sent; "Отмена" withdraws it. */
  record LinkSent(WizardPurpose purpose) implements DialogState {
    public LinkSent {
      Objects.requireNonNull(purpose, "purpose");
    }
  }

  DialogState START = new ChannelChoice();
}
