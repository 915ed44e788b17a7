package io.omnichannel.core.domain;

import java.util.Objects;

/**
 * What the support platform's adapter gets of a connection to act on its line: whose line it is,
 * the technical client its users live in, the API account that acts, and what 1C-Connect presents
 * when it calls the line's hook. Never the bot's token.
 *
 * @param connection names the connection in the hook's URL and in logs
 */
public record LineAccess(
    ConnectionId connection,
    CompanyId company,
    LineId line,
    TechnicalClientId technicalClient,
    ApiAccount apiAccount,
    HookCredentials hookCredentials) {
  public LineAccess {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(company, "company");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(technicalClient, "technicalClient");
    Objects.requireNonNull(apiAccount, "apiAccount");
    Objects.requireNonNull(hookCredentials, "hookCredentials");
  }
}
