package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

/** A 1C-Connect support line (линия), a uuid on the wire. */
public record LineId(String value) {
  public LineId {
    checkArgument(value != null && !value.isBlank(), "LineId must not be blank");
  }

  @Override
  public String toString() {
    return value;
  }
}
