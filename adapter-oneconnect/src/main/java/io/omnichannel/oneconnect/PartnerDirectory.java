package io.omnichannel.oneconnect;

import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.Line;
import io.omnichannel.core.domain.LineAvailability;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.Specialist;
import io.omnichannel.core.domain.failure.PlatformRejected;
import java.util.List;
import java.util.Optional;

/**
 * What the wizard needs to know with the service's own account, before any company API account is
 * entered: all of it through the <b>assumed</b> partner-level calls of {@link PartnerApi}. Replace
 * both when the real calls are known.
 */
final class PartnerDirectory {
  private final PartnerApi partner;
  private final String serviceAuth;

  PartnerDirectory(PartnerApi partner, String serviceAuth) {
    this.partner = partner;
    this.serviceAuth = serviceAuth;
  }

  Optional<Specialist> specialist(PlatformUserId user) {
    try {
      Wire.PartnerSpecialist found =
          RestClients.call("specialist", () -> partner.specialist(serviceAuth, user.value()));
      return Optional.of(
          new Specialist(
              new PlatformUserId(found.userId()),
              new CompanyId(found.companyId()),
              found.name() == null ? "" : found.name(),
              Optional.ofNullable(found.companyName()).filter(name -> !name.isBlank())));
    } catch (PlatformRejected rejected) {
      if (PlatformErrors.isNotFound(rejected)) {
        return Optional.empty();
      }
      throw rejected;
    }
  }

  List<Line> linesOf(CompanyId company) {
    return RestClients.call("linesOf", () -> partner.lines(serviceAuth, company.value())).stream()
        .map(
            line ->
                new Line(
                    new LineId(line.lineId()),
                    company,
                    line.name(),
                    availability(line.availability())))
        .toList();
  }

  boolean externalChannelsEnabled(CompanyId company) {
    return RestClients.call(
            "externalChannelsEnabled", () -> partner.options(serviceAuth, company.value()))
        .externalChannels();
  }

  private static LineAvailability availability(String wire) {
    if ("clients_and_specialists".equals(wire)) {
      return LineAvailability.CLIENTS_AND_SPECIALISTS;
    }
    return "specialists_only".equals(wire)
        ? LineAvailability.SPECIALISTS_ONLY
        : LineAvailability.OTHER;
  }
}
