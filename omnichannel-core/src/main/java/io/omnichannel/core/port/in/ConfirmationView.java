package io.omnichannel.core.port.in;

import io.omnichannel.core.domain.BotProfile;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.Line;
import io.omnichannel.core.domain.WizardPurpose;
import java.time.Instant;
import java.util.Objects;

/** What a confirmation page shows before its form is submitted. */
public sealed interface ConfirmationView {
  record Pending(
      ChannelKind channel, WizardPurpose purpose, Line line, BotProfile bot, Instant expiresAt)
      implements ConfirmationView {
    public Pending {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(purpose, "purpose");
      Objects.requireNonNull(line, "line");
      Objects.requireNonNull(bot, "bot");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }

  /** The link's 15 minutes are over. */
  record Expired() implements ConfirmationView {}

  /** The link was used already (or withdrawn with «Отмена»). */
  record Used() implements ConfirmationView {}

  /** No such link: mistyped, or never issued. */
  record Unknown() implements ConfirmationView {}
}
