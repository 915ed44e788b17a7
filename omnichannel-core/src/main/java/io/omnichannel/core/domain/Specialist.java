package io.omnichannel.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A company employee who answers on lines; the one who talks to the management line.
 *
 * @param companyName the company's name, when the platform tells it
 */
public record Specialist(
    PlatformUserId id, CompanyId company, String name, Optional<String> companyName) {
  public Specialist {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(company, "company");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(companyName, "companyName");
  }

  public Specialist(PlatformUserId id, CompanyId company, String name) {
    this(id, company, name, Optional.empty());
  }
}
