package io.omnichannel.testkit.oneconnect;

import java.util.Objects;

/**
 * A 1C-Connect customer company; {@code externalChannels} is the tariff option "external channels".
 */
public record Company(String id, String name, boolean externalChannels) {
  public Company {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }

  Company withExternalChannels(boolean active) {
    return new Company(id, name, active);
  }
}
