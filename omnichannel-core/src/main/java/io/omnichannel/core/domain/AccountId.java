package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

/** A channel account: one messenger user, or one group in one membership epoch. */
public record AccountId(String value) {
  public AccountId {
    checkArgument(value != null && !value.isBlank(), "AccountId must not be blank");
  }

  @Override
  public String toString() {
    return value;
  }
}
