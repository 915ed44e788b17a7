package io.omnichannel.messenger.support;

import io.omnichannel.core.domain.failure.ChannelFailure;
import io.omnichannel.core.port.out.SendOutcome;

/**
 * A refusal the core takes as a {@link SendOutcome}, not as a failure: thrown through the HTTP
 * client and the pacing, caught where the adapter sends and returned. Should one escape another
 * call (a download, say), it is a failure that a retry does not help.
 */
public final class Undeliverable extends ChannelFailure {
  private final transient SendOutcome outcome;

  public Undeliverable(String message, SendOutcome outcome) {
    super(message);
    this.outcome = outcome;
  }

  public SendOutcome outcome() {
    return outcome;
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
