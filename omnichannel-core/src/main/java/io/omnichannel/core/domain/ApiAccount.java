package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A 1C-Connect API account (учетная запись API): the login the bot acts with, and its password. */
public record ApiAccount(String login, Secret password) {
  /**
   * The longest login and password (in UTF-8 bytes) the store holds: the login's column takes 255
   * characters, the sealed password's 512 bytes, 28 of them the seal's own. A pair over either can
   * never be an account the gateway uses.
   */
  public static final int MAX_LOGIN = 255;

  public static final int MAX_PASSWORD_BYTES = 484;

  public ApiAccount {
    checkArgument(login != null && !login.isBlank(), "API account login must not be blank");
    login = login.strip();
    Objects.requireNonNull(password, "password");
  }

  /** Whether a login and password typed into a form could be stored at all. */
  public static boolean fitsTheStore(String login, String password) {
    return login.length() <= MAX_LOGIN
        && password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
  }

  @Override
  public String toString() {
    return "ApiAccount[" + login + "]";
  }
}
