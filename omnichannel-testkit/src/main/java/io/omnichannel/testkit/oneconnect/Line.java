package io.omnichannel.testkit.oneconnect;

import java.util.Objects;

/**
 * A support line of a company. The channel-management line is a line with {@code management ==
 * true}: any specialist of any company may write to it and counts as its subscriber.
 */
public record Line(
    String id, String name, LineAvailability availability, String companyId, boolean management) {
  public Line {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(availability, "availability");
    Objects.requireNonNull(companyId, "companyId");
  }
}
