package io.omnichannel.launcher.web;

import io.omnichannel.core.domain.ConfirmationToken;
import io.omnichannel.core.domain.RandomTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The console's sessions, in this instance's memory: a random cookie value per login, kept only as
 * its hash, with its own CSRF token. A session ends at logout, after {@link #IDLE} without a
 * request, or {@link #LONGEST} after login, whichever comes first; the oldest sessions are
 * forgotten first when there are more than {@code capacity}.
 */
final class ConsoleSessions {
  static final Duration IDLE = Duration.ofMinutes(30);
  static final Duration LONGEST = Duration.ofHours(12);

  /** A logged-in browser: what its forms must carry, and its timing. */
  record Session(String csrfToken, Instant openedAt, Instant lastSeen) {
    boolean carries(String presented) {
      return presented != null
          && MessageDigest.isEqual(
              csrfToken.getBytes(StandardCharsets.UTF_8),
              presented.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A new session: the cookie's value (given to the browser only) and the session. */
  record Opened(String cookieValue, Session session) {}

  private final RandomTokens random;
  private final Supplier<Instant> clock;
  private final Map<String, Session> byHash;

  ConsoleSessions(RandomTokens random, Supplier<Instant> clock, int capacity) {
    this.random = random;
    this.clock = clock;
    this.byHash =
        new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized Opened open() {
    String cookie = random.token(32);
    Instant now = clock.get();
    Session session = new Session(random.token(32), now, now);
    byHash.put(ConfirmationToken.hashOf(cookie), session);
    return new Opened(cookie, session);
  }

  /** The live session of this cookie value, its idle time restarted; empty when none. */
  synchronized Optional<Session> find(String cookieValue) {
    if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 128) {
      return Optional.empty();
    }
    String hash = ConfirmationToken.hashOf(cookieValue);
    Session session = byHash.get(hash);
    if (session == null) {
      return Optional.empty();
    }
    Instant now = clock.get();
    if (now.isAfter(session.lastSeen().plus(IDLE))
        || now.isAfter(session.openedAt().plus(LONGEST))) {
      byHash.remove(hash);
      return Optional.empty();
    }
    Session seen = new Session(session.csrfToken(), session.openedAt(), now);
    byHash.put(hash, seen);
    return Optional.of(seen);
  }

  synchronized void close(String cookieValue) {
    if (cookieValue != null) {
      byHash.remove(ConfirmationToken.hashOf(cookieValue));
    }
  }

  synchronized int size() {
    return byHash.size();
  }
}
