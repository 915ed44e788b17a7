package io.omnichannel.testkit.oneconnect;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/** HTTP Basic by API account, and what that account may see. */
final class Access {
  private final Directory directory;
  private final ClientRegistry clients;

  Access(Directory directory, ClientRegistry clients) {
    this.directory = directory;
    this.clients = clients;
  }

  /** The account the request authenticates as; 401 with an empty body otherwise. */
  ApiAccount account(Context ctx) {
    String[] pair = credentials(ctx.header("Authorization")).orElseThrow(ApiError::unauthorized);
    ApiAccount account = directory.account(pair[0]).orElseThrow(ApiError::unauthorized);
    boolean passwordMatches =
        MessageDigest.isEqual(
            account.password().getBytes(StandardCharsets.UTF_8),
            pair[1].getBytes(StandardCharsets.UTF_8));
    if (!passwordMatches) {
      throw ApiError.unauthorized();
    }
    return account;
  }

  /**
   * A line the account may act on: 404 when it does not exist, 403 when it is not the account's.
   */
  Line line(ApiAccount account, String lineId) {
    Line line = directory.line(lineId).orElseThrow(() -> ApiError.withText(404, "Line not found"));
    if (!account.canActOn(lineId)) {
      throw ApiError.withText(403, "Line is not available for this API account");
    }
    return line;
  }

  /**
   * A subscriber of a line: a user with the line switched on, or any specialist on the management
   * line.
   */
  boolean isSubscriber(Line line, String userId) {
    if (line.management()) {
      return directory.specialist(userId).isPresent();
    }
    return clients.user(userId).filter(u -> !u.deleted()).isPresent()
        && clients.activeOn(userId, line.id());
  }

  /** The login of a Basic header, for the request log; never the password. */
  static String loginOf(String authorization) {
    return credentials(authorization).map(pair -> pair[0]).orElse(null);
  }

  static Optional<String[]> credentials(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? Optional.empty()
          : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }
}
