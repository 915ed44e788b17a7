package io.omnichannel.core.port.in;

import io.omnichannel.core.domain.ApiAccount;

/** The page behind a one-time link (F2, F4): what it shows, and what submitting its form does. */
public interface ConfirmationPage {
  /** What the link stands for; opening the page does not use the link up. */
  ConfirmationView view(String presentedToken);

  /** Verifies the API account and carries out the connect or disconnect. */
  ConfirmationOutcome submit(String presentedToken, ApiAccount account);
}
