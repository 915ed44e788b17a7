package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.Confirmation;
import io.omnichannel.core.domain.PlatformUserId;
import java.time.Instant;
import java.util.Optional;

/**
 * One-time confirmations, stored by token hash; the bot token inside a connect request is sealed at
 * rest.
 */
public interface ConfirmationRepository {
  void save(Confirmation confirmation);

  Optional<Confirmation> find(String tokenHash);

  /**
   * Marks the confirmation used, atomically: true for exactly one caller, and only while it is
   * unused and not expired at {@code now}.
   */
  boolean consume(String tokenHash, Instant now);

  /**
   * Takes one attempt at the API account, atomically, before 1C-Connect is asked: returns its
   * number (1 to {@code max}), or 0 when the link is used or its {@code max} attempts are taken, so
   * concurrent guesses cannot get past the limit.
   */
  int takeAttempt(String tokenHash, int max);

  /** Gives a taken attempt back: it did not fail (the account was verified, or no answer came). */
  void giveBackAttempt(String tokenHash);

  /**
   * Withdraws the specialist's unused confirmations ("Отмена" after a link was sent); returns how
   * many.
   */
  int withdrawUnused(PlatformUserId specialist, Instant now);
}
