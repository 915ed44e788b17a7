package io.omnichannel.core.fakes;

import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.BotProfile;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.ConfirmationToken;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.ConnectionState;
import io.omnichannel.core.domain.HookCredentials;
import io.omnichannel.core.domain.Line;
import io.omnichannel.core.domain.LineAvailability;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.TechnicalClient;
import io.omnichannel.core.domain.TechnicalClientId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Connections of a messenger's bot as the core stores them after the wizard, for adapter tests. */
public final class BotConnections {
  private BotConnections() {}

  /**
   * An active connection of the bot to a line of a new company, its webhook secret stored as the
   * core stores it (hashed); the technical client is named «<kind>: <bot name>».
   */
  public static Connection active(
      ChannelKind kind, BotProfile bot, BotToken token, Secret webhookSecret, Instant at) {
    CompanyId company = new CompanyId("company-" + UUID.randomUUID());
    String botId = bot.id().value();
    return new Connection(
        new ConnectionId(UUID.randomUUID().toString()),
        company,
        kind,
        new Line(
            new LineId("line-" + botId),
            company,
            "Линия " + botId,
            LineAvailability.CLIENTS_AND_SPECIALISTS),
        bot,
        token,
        new TechnicalClient(
            new TechnicalClientId("tc-" + botId), kind.displayName() + ": " + bot.displayName()),
        new ApiAccount("api", Secret.of("api-secret")),
        ConfirmationToken.hashOf(webhookSecret.reveal()),
        new HookCredentials("hook", Secret.of("hook-secret")),
        ConnectionState.ACTIVE,
        at,
        Optional.empty());
  }
}
