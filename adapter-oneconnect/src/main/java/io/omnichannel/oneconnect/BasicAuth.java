package io.omnichannel.oneconnect;

import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP Basic both ways: the header we send with an API account, and the pair a hook call presents.
 */
final class BasicAuth {
  private BasicAuth() {}

  static String header(ApiAccount account) {
    return header(account.login(), account.password());
  }

  static String header(String login, Secret password) {
    String pair = login + ":" + password.reveal();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Login and password of a {@code Basic} header, or the token of a {@code Bearer} one (login then
   * null).
   */
  static Optional<Presented> parse(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    String value = authorization.strip();
    if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = value.substring(7).strip();
      return token.isEmpty() ? Optional.empty() : Optional.of(new Presented(null, token));
    }
    if (!value.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(value.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? Optional.empty()
          : Optional.of(new Presented(decoded.substring(0, colon), decoded.substring(colon + 1)));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  /** What a caller presented; {@code toString} hides the password. */
  record Presented(String login, String password) {
    @Override
    public String toString() {
      return "Presented[" + login + ":***]";
    }
  }
}
