package io.omnichannel.oneconnect;

import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.failure.ApiAccountRejected;
import io.omnichannel.core.port.out.ApiAccountVerification;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks an API account entered on a confirmation page. Its login and password work when {@code GET
 * /v1/line/} answers; it belongs to the company when the lines it can act on are the company's
 * (partner-level list: the public API does not name an account's company); it can act on the chosen
 * line when that line is listed with {@code allow_bot: true}. An account that can act on no line at
 * all cannot be placed and is {@code LINE_NOT_ALLOWED}.
 */
final class ApiAccountCheck {
  private final RestClients rest;
  private final String serviceAuth;

  ApiAccountCheck(RestClients rest, String serviceAuth) {
    this.rest = rest;
    this.serviceAuth = serviceAuth;
  }

  ApiAccountVerification verify(ApiAccount account, CompanyId company, LineId line) {
    List<Wire.LineInfo> own;
    try {
      own = RestClients.call("verifyApiAccount", () -> rest.push.lines(BasicAuth.header(account)));
    } catch (ApiAccountRejected wrong) {
      return ApiAccountVerification.WRONG_CREDENTIALS;
    }
    if (own.isEmpty()) {
      return ApiAccountVerification.LINE_NOT_ALLOWED;
    }
    Set<String> companyLines =
        RestClients.call("verifyApiAccount", () -> rest.partner.lines(serviceAuth, company.value()))
            .stream()
            .map(Wire.PartnerLine::lineId)
            .collect(Collectors.toSet());
    boolean ofCompany = own.stream().anyMatch(l -> companyLines.contains(l.lineId()));
    if (!ofCompany) {
      return ApiAccountVerification.FOREIGN_COMPANY;
    }
    boolean allowed = own.stream().anyMatch(l -> line.value().equals(l.lineId()) && l.allowBot());
    return allowed ? ApiAccountVerification.VERIFIED : ApiAccountVerification.LINE_NOT_ALLOWED;
  }
}
