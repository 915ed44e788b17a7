package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

/** A company of 1C-Connect: the owner of lines, specialists and connections. */
public record CompanyId(String value) {
  public CompanyId {
    checkArgument(value != null && !value.isBlank(), "CompanyId must not be blank");
  }

  @Override
  public String toString() {
    return value;
  }
}
