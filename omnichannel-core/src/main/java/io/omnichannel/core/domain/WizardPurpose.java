package io.omnichannel.core.domain;

/** Which wizard of the management line a specialist is in. */
public enum WizardPurpose {
  CONNECT,
  DISCONNECT
}
