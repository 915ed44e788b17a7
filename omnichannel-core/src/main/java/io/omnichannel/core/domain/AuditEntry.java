package io.omnichannel.core.domain;

import java.time.Instant;
import java.util.Objects;

/** One management action: who, what, on which line and bot, with what result. */
public record AuditEntry(
    Instant at, CompanyId company, PlatformUserId specialist, AuditAction action, String details) {
  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(company, "company");
    Objects.requireNonNull(specialist, "specialist");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(details, "details");
  }

  public enum AuditAction {
    CONFIRMATION_ISSUED,
    CONFIRMATION_REFUSED,
    CONNECTED,
    DISCONNECTED,
    CONNECTION_STATE_CHANGED
  }
}
