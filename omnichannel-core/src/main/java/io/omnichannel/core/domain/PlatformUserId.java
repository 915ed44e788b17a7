package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

/** A person in 1C-Connect: a specialist, or a client user (a channel account's user). */
public record PlatformUserId(String value) {
  public PlatformUserId {
    checkArgument(value != null && !value.isBlank(), "PlatformUserId must not be blank");
  }

  @Override
  public String toString() {
    return value;
  }
}
