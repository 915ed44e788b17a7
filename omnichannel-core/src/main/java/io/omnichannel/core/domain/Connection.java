package io.omnichannel.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A bot connected to a line. Holds its secrets as secret types; repositories seal them at rest.
 *
 * @param webhookSecretHash the hash of the secret the messenger presents on our webhook (never the
 *     secret)
 * @param hookCredentials what 1C-Connect presents when it calls this line's hook
 */
public record Connection(
    ConnectionId id,
    CompanyId company,
    ChannelKind channel,
    Line line,
    BotProfile bot,
    BotToken token,
    TechnicalClient technicalClient,
    ApiAccount apiAccount,
    String webhookSecretHash,
    HookCredentials hookCredentials,
    ConnectionState state,
    Instant connectedAt,
    Optional<Instant> disconnectedAt) {

  public Connection {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(company, "company");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(bot, "bot");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(technicalClient, "technicalClient");
    Objects.requireNonNull(apiAccount, "apiAccount");
    Objects.requireNonNull(webhookSecretHash, "webhookSecretHash");
    Objects.requireNonNull(hookCredentials, "hookCredentials");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(connectedAt, "connectedAt");
    Objects.requireNonNull(disconnectedAt, "disconnectedAt");
  }

  /** What the messenger's adapter needs to act as the bot. */
  public BotAccess botAccess() {
    return new BotAccess(channel, bot.id(), token);
  }

  /** What the support platform's adapter needs to act on the line. */
  public LineAccess lineAccess() {
    return new LineAccess(
        id, company, line.id(), technicalClient.id(), apiAccount, hookCredentials);
  }

  public boolean isActive() {
    return state.holdsSlot();
  }

  /**
   * Whether both are connections of one bot in one company: they share the technical client and its
   * accounts, whatever line each had.
   */
  public boolean sameBotAs(Connection other) {
    return company.equals(other.company)
        && channel.equals(other.channel)
        && bot.id().equals(other.bot.id());
  }

  public Connection withState(ConnectionState newState) {
    return with(webhookSecretHash, newState, disconnectedAt);
  }

  /** After receiving was started again with a new webhook secret (the old one is forgotten). */
  public Connection withWebhookSecretHash(String newHash) {
    return with(newHash, state, disconnectedAt);
  }

  public Connection disconnected(Instant at) {
    return with(webhookSecretHash, ConnectionState.DISCONNECTED, Optional.of(at));
  }

  /** This connection with what may change after it was made; the rest stays. */
  private Connection with(
      String webhookSecretHash, ConnectionState state, Optional<Instant> disconnectedAt) {
    return new Connection(
        id,
        company,
        channel,
        line,
        bot,
        token,
        technicalClient,
        apiAccount,
        webhookSecretHash,
        hookCredentials,
        state,
        connectedAt,
        disconnectedAt);
  }
}
