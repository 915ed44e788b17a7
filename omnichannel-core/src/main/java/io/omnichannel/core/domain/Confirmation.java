package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A one-time confirmation (F2, F4): bound to one company, one specialist and one action, expiring,
 * usable once. Stored by the hash of its token only.
 */
public record Confirmation(
    String tokenHash,
    CompanyId company,
    PlatformUserId specialist,
    PendingAction action,
    Instant createdAt,
    Instant expiresAt,
    Optional<Instant> usedAt) {

  public static final Duration LIFETIME = Duration.ofMinutes(15);

  /**
   * Failed attempts at the API account a link allows; the last one burns it, so the form cannot be
   * used to guess passwords against 1C-Connect.
   */
  public static final int MAX_FAILED_ATTEMPTS = 5;

  public Confirmation {
    checkArgument(
        tokenHash != null && tokenHash.length() == 64, "token hash must be a SHA-256 hex");
    Objects.requireNonNull(company, "company");
    Objects.requireNonNull(specialist, "specialist");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    checkArgument(expiresAt.isAfter(createdAt), "expires after it is created");
    Objects.requireNonNull(usedAt, "usedAt");
  }

  public static Confirmation issue(
      ConfirmationToken token,
      CompanyId company,
      PlatformUserId specialist,
      PendingAction action,
      Instant now) {
    return new Confirmation(
        token.hash(), company, specialist, action, now, now.plus(LIFETIME), Optional.empty());
  }

  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  public boolean isUsed() {
    return usedAt.isPresent();
  }
}
