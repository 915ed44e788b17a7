package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

/** The 1C-Connect client company that holds a connection's channel accounts. */
public record TechnicalClientId(String value) {
  public TechnicalClientId {
    checkArgument(value != null && !value.isBlank(), "TechnicalClientId must not be blank");
  }

  @Override
  public String toString() {
    return value;
  }
}
