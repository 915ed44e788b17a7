package io.omnichannel.testkit.oneconnect;

import java.util.Objects;

/**
 * Credentials the emulator presents when calling a hook: HTTP Basic (login, password) or Bearer
 * (token).
 */
public record BackAuth(Type type, String login, String password, String token) {
  public enum Type {
    BASIC,
    BEARER
  }

  public BackAuth {
    Objects.requireNonNull(type, "type");
  }

  public static BackAuth basic(String login, String password) {
    return new BackAuth(Type.BASIC, login, password, null);
  }

  public static BackAuth bearer(String token) {
    return new BackAuth(Type.BEARER, null, null, token);
  }

  @Override
  public String toString() {
    return "BackAuth[type=" + type + ", login=" + login + ", secret=***]";
  }
}
