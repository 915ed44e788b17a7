package io.omnichannel.core.fakes;

import io.omnichannel.core.domain.Confirmation;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.port.out.ConfirmationRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class InMemoryConfirmations implements ConfirmationRepository {
  private final Map<String, Confirmation> rows = new LinkedHashMap<>();
  private final Map<String, Integer> attempts = new HashMap<>();

  @Override
  public synchronized void save(Confirmation confirmation) {
    rows.put(confirmation.tokenHash(), confirmation);
  }

  @Override
  public synchronized Optional<Confirmation> find(String tokenHash) {
    return Optional.ofNullable(rows.get(tokenHash));
  }

  @Override
  public synchronized boolean consume(String tokenHash, Instant now) {
    Confirmation found = rows.get(tokenHash);
    if (found == null || found.isUsed() || found.isExpiredAt(now)) {
      return false;
    }
    rows.put(tokenHash, used(found, now));
    return true;
  }

  @Override
  public synchronized int takeAttempt(String tokenHash, int max) {
    Confirmation found = rows.get(tokenHash);
    int taken = attempts.getOrDefault(tokenHash, 0);
    if (found == null || found.isUsed() || taken >= max) {
      return 0;
    }
    attempts.put(tokenHash, taken + 1);
    return taken + 1;
  }

  @Override
  public synchronized void giveBackAttempt(String tokenHash) {
    attempts.computeIfPresent(tokenHash, (hash, taken) -> Math.max(0, taken - 1));
  }

  @Override
  public synchronized int withdrawUnused(PlatformUserId specialist, Instant now) {
    int withdrawn = 0;
    for (Confirmation confirmation : List.copyOf(rows.values())) {
      if (confirmation.specialist().equals(specialist) && !confirmation.isUsed()) {
        rows.put(confirmation.tokenHash(), used(confirmation, now));
        withdrawn++;
      }
    }
    return withdrawn;
  }

  public synchronized List<Confirmation> all() {
    return List.copyOf(rows.values());
  }

  private static Confirmation used(Confirmation c, Instant at) {
    return new Confirmation(
        c.tokenHash(),
        c.company(),
        c.specialist(),
        c.action(),
        c.createdAt(),
        c.expiresAt(),
        Optional.of(at));
  }
}
