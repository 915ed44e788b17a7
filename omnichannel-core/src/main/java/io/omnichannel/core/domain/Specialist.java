package io.omnichannel.core.domain;

import java.util.Objects;

/** A company employee who answers on lines; the one who talks to the management line. */
public record Specialist(PlatformUserId id, CompanyId company, String name) {
  public Specialist {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(company, "company");
    Objects.requireNonNull(name, "name");
  }
}
