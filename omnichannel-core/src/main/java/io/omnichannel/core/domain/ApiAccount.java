package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/** A 1C-Connect API account (учетная запись API): the login the bot acts with, and its password. */
public record ApiAccount(String login, Secret password) {
  public ApiAccount {
    checkArgument(login != null && !login.isBlank(), "API account login must not be blank");
    login = login.strip();
    Objects.requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return "ApiAccount[" + login + "]";
  }
}
