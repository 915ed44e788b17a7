package io.omnichannel.persistence;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.BotId;
import io.omnichannel.core.domain.BotProfile;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ChatKind;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.ConnectionState;
import io.omnichannel.core.domain.ForumTopic;
import io.omnichannel.core.domain.HookCredentials;
import io.omnichannel.core.domain.InboundKind;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.Line;
import io.omnichannel.core.domain.LineAvailability;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.OutboundPost;
import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.TechnicalClient;
import io.omnichannel.core.domain.TechnicalClientId;
import io.omnichannel.core.domain.TopicId;
import java.time.Instant;
import java.util.Optional;

/**
 * Small builders for stored values; secrets are distinctive so a test can look for them in raw
 * rows.
 */
final class Fixtures {
  static final Instant T0 = Instant.parse("2026-11-29T10:00:00.123456Z");
  static final String API_PASSWORD = "api-Pa55word-in-clear";
  static final String HOOK_PASSWORD = "hook-Pa55word-in-clear";

  private Fixtures() {}

  /** A BotFather-shaped token whose secret half is recognisable: "TOKENSECRET" padded to 35. */
  static BotToken token(String botDigits) {
    return BotToken.of(
        botDigits + ":TOKENSECRET" + "x".repeat(35 - 11 - botDigits.length()) + botDigits);
  }

  static Connection connection(String company, String line, String bot) {
    return connection(company, line, "Линия " + line, bot);
  }

  static Connection connection(String company, String line, String lineName, String bot) {
    CompanyId companyId = new CompanyId(company);
    return new Connection(
        new ConnectionId("conn-" + line + "-" + bot),
        companyId,
        new ChannelKind("Telegram"),
        new Line(new LineId(line), companyId, lineName, LineAvailability.CLIENTS_AND_SPECIALISTS),
        new BotProfile(new BotId(bot), "bot" + bot + "_bot", "Бот " + bot),
        token(bot),
        new TechnicalClient(new TechnicalClientId("tc-" + bot), "Telegram: Бот " + bot),
        new ApiAccount("api-" + bot, Secret.of(API_PASSWORD)),
        "a".repeat(64),
        new HookCredentials("hook-" + bot, Secret.of(HOOK_PASSWORD)),
        ConnectionState.ACTIVE,
        T0,
        Optional.empty());
  }

  static ChannelAccount account(String id, Connection connection, String chat, int epoch) {
    return ChannelAccount.opened(
        new AccountId(id),
        connection.id(),
        new ChatId(chat),
        ChatKind.PRIVATE,
        epoch,
        "Иван 😀",
        Optional.of("ivan"),
        new PlatformUserId("user-" + id),
        T0);
  }

  /**
   * The same bot of the same company connected again, as {@code id} on {@code line}, after {@code
   * earlier} was disconnected (#11).
   */
  static Connection reconnected(Connection earlier, String id, String line) {
    return new Connection(
        new ConnectionId(id),
        earlier.company(),
        earlier.channel(),
        connection(earlier.company().value(), line, earlier.bot().id().value()).line(),
        earlier.bot(),
        earlier.token(),
        earlier.technicalClient(),
        earlier.apiAccount(),
        earlier.webhookSecretHash(),
        earlier.hookCredentials(),
        ConnectionState.ACTIVE,
        T0.plusSeconds(60),
        Optional.empty());
  }

  /** B9: the account of a group's topic, named "<group> / <topic>". */
  static ChannelAccount topicAccount(
      String id, Connection connection, String chat, String topic, int epoch) {
    return ChannelAccount.opened(
        new AccountId(id),
        connection.id(),
        new ChatId(chat),
        Optional.of(new ForumTopic(new TopicId(topic), "Тема 🚚 " + topic)),
        ChatKind.GROUP,
        epoch,
        "Отдел / Тема 🚚 " + topic,
        Optional.empty(),
        new PlatformUserId("user-" + id),
        T0);
  }

  static InboundRecord inbound(String eventId, String orderingKey) {
    return new InboundRecord(
        InboundKind.CHANNEL_UPDATE,
        Optional.of(new ConnectionId("conn-1")),
        eventId,
        orderingKey,
        "{\"update_id\":1,\"text\":\"привет 👋\"}",
        T0);
  }

  static OutboxMessage outbound(String chat, String text) {
    return new OutboxMessage(
        new ConnectionId("conn-1"),
        new ChatId(chat),
        new AccountId("acc-" + chat),
        new OutboundPost.Text(text, Keyboard.UNCHANGED),
        "1c:" + text);
  }
}
