package io.omnichannel.testkit.oneconnect;

import java.util.Map;
import java.util.Objects;

/**
 * An API account (учетная запись API) of a company: Basic-auth credentials and the lines it may act
 * on, each mapped to whether a bot is allowed there ({@code allow_bot}).
 */
public record ApiAccount(
    String login, String password, String companyId, Map<String, Boolean> lineAllowBot) {
  public ApiAccount {
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(companyId, "companyId");
    lineAllowBot = Map.copyOf(lineAllowBot);
  }

  public boolean canActOn(String lineId) {
    return lineAllowBot.containsKey(lineId);
  }

  public boolean allowsBotOn(String lineId) {
    return Boolean.TRUE.equals(lineAllowBot.get(lineId));
  }

  @Override
  public String toString() {
    return "ApiAccount[login="
        + login
        + ", password=***, companyId="
        + companyId
        + ", lines="
        + lineAllowBot
        + "]";
  }
}
