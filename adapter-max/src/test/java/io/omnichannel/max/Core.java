package io.omnichannel.max;

import io.omnichannel.core.domain.BotId;
import io.omnichannel.core.domain.BotProfile;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.fakes.BotConnections;
import io.omnichannel.core.fakes.CoreFixture;
import io.omnichannel.core.fakes.Eventually;
import io.omnichannel.core.fakes.InMemoryConnections;
import io.omnichannel.core.fakes.InMemoryInbox;
import io.omnichannel.core.fakes.InMemoryPollingLeases;
import io.omnichannel.core.fakes.InMemorySendingBudget;
import io.omnichannel.core.usecase.AcceptingInbound;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The core's real {@link AcceptingInbound} on in-memory fakes, and connections of MAX bots. */
final class Core {
  final InMemoryConnections connections = new InMemoryConnections();
  final InMemoryInbox inbox = new InMemoryInbox();
  final InMemoryPollingLeases leases = new InMemoryPollingLeases();
  final InMemorySendingBudget budget = new InMemorySendingBudget();
  final Clock clock = Clock.systemUTC();
  final AcceptingInbound accepting =
      new AcceptingInbound(connections, inbox, CoreFixture.MANAGEMENT_HOOK, clock);

  /**
   * The core's {@code BotToken} still knows only Telegram's shape; until the port takes a bot's
   * access, a connection carries a stand-in of that shape and {@code token} is what MAX gets.
   */
  static BotToken standIn(String token) {
    String digits = Integer.toString(Math.abs(token.hashCode() % 1_000_000) + 1);
    String letters = (token.replaceAll("[^A-Za-z0-9_-]", "") + "x".repeat(35)).substring(0, 35);
    return BotToken.of(digits + ":" + letters);
  }

  /** A connection of the bot as the core stores it after the wizard, with the webhook secret. */
  Connection connect(long botId, BotToken token, Secret secret) {
    Connection connection =
        BotConnections.active(
            MaxChannel.KIND,
            new BotProfile(new BotId(Long.toString(botId)), "bot" + botId, "Support " + botId),
            token,
            secret,
            clock.instant());
    connections.insert(connection);
    return connection;
  }

  List<InboundRecord> stored() {
    return inbox.rows().stream().map(row -> row.item()).toList();
  }

  /** Checks a condition again and again (no fixed sleep); fails after the timeout. */
  static void await(String what, Duration timeout, BooleanSupplier condition) {
    Eventually.await(what, timeout, condition);
  }
}
