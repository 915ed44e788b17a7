package io.omnichannel.testkit.oneconnect;

import java.time.Instant;
import java.util.Objects;

/** A client company of {@code companyId} (e.g. the technical client "Telegram: &lt;bot&gt;"). */
public record ClientCompany(
    String id, String companyId, String name, String inn, Instant createdAt, boolean deleted) {
  public ClientCompany {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(companyId, "companyId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
