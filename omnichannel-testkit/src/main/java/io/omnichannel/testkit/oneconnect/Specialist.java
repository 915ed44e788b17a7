package io.omnichannel.testkit.oneconnect;

import java.util.Objects;

/**
 * An employee of a company who answers on lines. {@code login} is numeric, as SpecialistRead shows
 * it.
 */
public record Specialist(String id, String companyId, String name, String surname, long login) {
  public Specialist {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(companyId, "companyId");
    Objects.requireNonNull(name, "name");
  }
}
