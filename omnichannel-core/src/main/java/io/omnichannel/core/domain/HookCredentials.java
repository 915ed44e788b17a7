package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * The back-auth credentials 1C-Connect presents when it calls one of our hooks. Fresh and random
 * per hook, so a leaked pair opens one hook only.
 */
public record HookCredentials(String login, Secret password) {
  public HookCredentials {
    checkArgument(login != null && !login.isBlank(), "hook login must not be blank");
    Objects.requireNonNull(password, "password");
  }

  public static HookCredentials random(RandomTokens random) {
    return new HookCredentials("hook-" + random.token(9), Secret.of(random.token(32)));
  }

  /** Both parts compared in constant time; the login is not secret but is checked the same way. */
  public boolean matches(String presentedLogin, String presentedPassword) {
    boolean loginMatches = Secret.of(login).matches(presentedLogin);
    return password.matches(presentedPassword) & loginMatches;
  }

  @Override
  public String toString() {
    return "HookCredentials[" + login + ":***]";
  }
}
