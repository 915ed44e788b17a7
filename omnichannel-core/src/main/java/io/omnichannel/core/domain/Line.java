package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/** A support line of a company (линия 1С-Коннект). */
public record Line(LineId id, CompanyId company, String name, LineAvailability availability) {
  public Line {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(company, "company");
    checkArgument(name != null && !name.isBlank(), "line name must not be blank");
    Objects.requireNonNull(availability, "availability");
  }

  public boolean canGetBot() {
    return availability.acceptsChannelUsers();
  }
}
