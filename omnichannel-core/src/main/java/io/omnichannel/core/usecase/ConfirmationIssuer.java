package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.AuditEntry;
import io.omnichannel.core.domain.AuditEntry.AuditAction;
import io.omnichannel.core.domain.Confirmation;
import io.omnichannel.core.domain.ConfirmationToken;
import io.omnichannel.core.domain.PendingAction;
import io.omnichannel.core.domain.RandomTokens;
import io.omnichannel.core.domain.Specialist;
import io.omnichannel.core.port.out.AuditTrail;
import io.omnichannel.core.port.out.CompanyNames;
import io.omnichannel.core.port.out.ConfirmationRepository;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;

/** Issues one-time confirmation links: a fresh random token, stored only as its hash. */
public final class ConfirmationIssuer {
  private final ConfirmationRepository confirmations;
  private final AuditTrail audit;
  private final CompanyNames companies;
  private final RandomTokens random;
  private final URI publicBaseUrl;
  private final Clock clock;

  /**
   * @param publicBaseUrl where the service is reachable from a browser; links are {@code
   *     <base>/confirm/<token>}
   */
  public ConfirmationIssuer(
      ConfirmationRepository confirmations,
      AuditTrail audit,
      CompanyNames companies,
      RandomTokens random,
      URI publicBaseUrl,
      Clock clock) {
    this.confirmations = confirmations;
    this.audit = audit;
    this.companies = companies;
    this.random = random;
    String base = publicBaseUrl.toString();
    this.publicBaseUrl = URI.create(base.endsWith("/") ? base : base + "/");
    this.clock = clock;
  }

  URI issue(Specialist specialist, PendingAction action) {
    Instant now = clock.instant();
    specialist.companyName().ifPresent(name -> companies.remember(specialist.company(), name));
    ConfirmationToken token = ConfirmationToken.generate(random);
    confirmations.save(
        Confirmation.issue(token, specialist.company(), specialist.id(), action, now));
    audit.record(
        new AuditEntry(
            now,
            specialist.company(),
            specialist.id(),
            AuditAction.CONFIRMATION_ISSUED,
            describe(action)));
    return publicBaseUrl.resolve("confirm/" + token.reveal());
  }

  static String describe(PendingAction action) {
    String verb = action instanceof PendingAction.Connect ? "connect" : "disconnect";
    return verb
        + " "
        + action.bot().mention()
        + " line "
        + action.line().id()
        + " «"
        + action.line().name()
        + "»";
  }
}
