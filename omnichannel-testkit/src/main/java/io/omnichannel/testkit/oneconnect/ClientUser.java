package io.omnichannel.testkit.oneconnect;

import java.time.Instant;
import java.util.Objects;

/**
 * A user of a client company (for the gateway: one channel account). Optional fields may be null.
 */
public record ClientUser(
    String id,
    String clientId,
    String name,
    String surname,
    String patronymic,
    String login,
    String email,
    String phone,
    Instant createdAt,
    boolean deleted) {
  public ClientUser {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
