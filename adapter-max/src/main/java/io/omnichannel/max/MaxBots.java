package io.omnichannel.max;

import io.omnichannel.core.domain.BotId;
import io.omnichannel.core.domain.BotProfile;
import io.omnichannel.core.domain.ChannelLimits;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.RemoteFile;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.failure.ChannelFailure;
import io.omnichannel.core.domain.failure.InvalidBotToken;
import io.omnichannel.core.port.out.ChannelHealth;
import io.omnichannel.messenger.support.LeasedPollers;
import io.omnichannel.messenger.support.PolledBot;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a MAX bot does for the core, given only its access (id and token): who a token belongs to,
 * receiving by webhook or long polling, file lookups and the health probe. Sending is {@link
 * Sending}'s. The class implementing the core's port only forwards here.
 */
final class MaxBots {
  private static final Logger LOG = LoggerFactory.getLogger(MaxBots.class);

  /** MAX's rule for a subscription's secret. */
  static final Pattern SECRET = Pattern.compile("[a-zA-Z0-9_-]{5,256}");

  /** The update kinds the decoder uses; MAX sends no others. */
  static final List<String> UPDATE_TYPES =
      List.of(
          "message_created",
          "message_edited",
          "bot_started",
          "bot_stopped",
          "bot_added",
          "bot_removed",
          "user_added",
          "user_removed");

  private final MaxConfig config;
  private final MaxApis api;
  private final MaxHttp http;
  private final LeasedPollers pollers;

  MaxBots(MaxConfig config, MaxApis api, MaxHttp http, LeasedPollers pollers) {
    this.config = config;
    this.api = api;
    this.http = http;
    this.pollers = pollers;
  }

  /** {@code GET /me}: the bot's {@code user_id}, its username (or its id) and name. */
  BotProfile identify(String token) {
    MaxApi.BotInfo me = api.call(token, "me", MaxApi::me);
    String id = Long.toString(me.user_id());
    String name =
        Optional.ofNullable(me.first_name())
            .filter(first -> !first.isBlank())
            .map(first -> me.last_name() == null ? first : first + " " + me.last_name())
            .or(() -> Optional.ofNullable(me.name()))
            .map(String::strip)
            .filter(value -> !value.isEmpty())
            .orElse("MAX " + id);
    String username =
        Optional.ofNullable(me.username()).filter(value -> !value.isBlank()).orElse(id);
    return new BotProfile(new BotId(id), username, name);
  }

  /**
   * Webhook: {@code POST /subscriptions} with our URL and the secret (after removing a subscription
   * of this bot to any other URL of ours). Polling: every subscription removed first (MAX does not
   * poll while one exists), then a poller.
   */
  void startReceiving(Bot bot, Secret webhookSecret) {
    if (config.receiveMode() == MaxConfig.ReceiveMode.WEBHOOK) {
      if (!SECRET.matcher(webhookSecret.reveal()).matches()) {
        throw new IllegalArgumentException("a MAX webhook secret is 5-256 of [a-zA-Z0-9_-]");
      }
      String url = config.webhookUrl(bot.connection().value()).toString();
      unsubscribeAllBut(bot.token(), Optional.of(url));
      MaxApi.Simple done =
          api.call(
              bot.token(),
              "subscribe",
              max ->
                  max.subscribe(new MaxApi.Subscribe(url, UPDATE_TYPES, webhookSecret.reveal())));
      if (done != null && !done.success()) {
        throw new MaxErrors.Refused(200, "success.false", "subscribe: not done");
      }
      LOG.info("connection {} bot {}: webhook subscribed", bot.connection(), bot.id());
    } else {
      unsubscribeAllBut(bot.token(), Optional.empty());
      pollers.start(
          new PolledBot(
              bot.connection(),
              bot.id().toString(),
              (marker, wait) -> http.updates(bot.token(), marker, wait, UPDATE_TYPES),
              text -> Redaction.redact(text, bot.token())));
    }
  }

  void stopReceiving(Bot bot) {
    pollers.stop(bot.connection());
    if (config.receiveMode() == MaxConfig.ReceiveMode.WEBHOOK) {
      String url = config.webhookUrl(bot.connection().value()).toString();
      try {
        api.call(bot.token(), "unsubscribe", max -> max.unsubscribe(url));
      } catch (InvalidBotToken revoked) {
        // a revoked token receives nothing any more: the subscription is as good as gone
      }
    }
    api.forget(bot.token());
    LOG.info("connection {} bot {}: receiving stopped", bot.connection(), bot.id());
  }

  private void unsubscribeAllBut(String token, Optional<String> keep) {
    MaxApi.Subscriptions current = api.call(token, "subscriptions", MaxApi::subscriptions);
    if (current == null || current.subscriptions() == null) {
      return;
    }
    for (MaxApi.Subscription subscription : current.subscriptions()) {
      if (subscription.url() != null && !keep.equals(Optional.of(subscription.url()))) {
        api.call(token, "unsubscribe", max -> max.unsubscribe(subscription.url()));
      }
    }
  }

  /**
   * {@code GET /chats/{chatId}}: a group's title, for its account (MAX messages carry none). Asked
   * once per group and epoch; any failure leaves the core's fallback name, for a title is not worth
   * holding a message back.
   */
  Optional<String> groupTitle(String token, ChatId chat) {
    long id;
    try {
      id = Long.parseLong(chat.value());
    } catch (NumberFormatException notMax) {
      return Optional.empty();
    }
    try {
      MaxApi.Chat found = api.call(token, "chat", max -> max.chat(id));
      return Optional.ofNullable(found)
          .map(MaxApi.Chat::title)
          .map(String::strip)
          .filter(title -> !title.isEmpty());
    } catch (ChannelFailure failure) {
      LOG.info(
          "group {}: title not had, the account keeps its fallback name: {}",
          id,
          Redaction.redact(failure.getMessage(), token));
      return Optional.empty();
    }
  }

  /**
   * The file behind a reference with its real size before any byte is read: a {@code file} declares
   * it; for others the {@code Content-Length} of the download tells it, and an answer without one
   * is read into memory up to one byte over the largest inbound limit.
   */
  RemoteFile fetchFile(String token, FileRef ref) {
    FileRefs.Parsed file = FileRefs.parse(ref);
    if (file.declaredSize().isPresent()) {
      long size = file.declaredSize().getAsLong();
      return new RemoteFile(size, () -> exactly(http.download(file.url(), token).body(), size));
    }
    HttpResponse<InputStream> response;
    try {
      response = http.download(file.url(), token);
    } catch (IOException e) {
      throw MaxErrors.io("download", e);
    }
    OptionalLong length = response.headers().firstValueAsLong("Content-Length");
    Optional<String> type =
        response
            .headers()
            .firstValue("Content-Type")
            .map(value -> value.replaceAll(";.*$", "").strip())
            .filter(value -> value.contains("/") && !value.equals("application/octet-stream"));
    long cap = ChannelLimits.TO_LINE_FILE_MAX_BYTES + 1;
    try (InputStream body = response.body()) {
      if (length.isPresent()) {
        long size = length.getAsLong();
        // the size is known: the stream is opened again when the core wants the bytes
        return new RemoteFile(
            size, type, () -> exactly(http.download(file.url(), token).body(), size));
      }
      byte[] bytes = body.readNBytes((int) cap);
      return new RemoteFile(bytes.length, type, () -> new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A stream that fails rather than deliver more (or fewer) bytes than the size the core took. */
  static InputStream exactly(InputStream in, long size) {
    return new FilterInputStream(in) {
      private long left = size;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
          ended();
        } else if (--left < 0) {
          throw new IOException("the file is larger than MAX declared");
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        if (n < 0) {
          ended();
        } else {
          left -= n;
          if (left < 0) {
            throw new IOException("the file is larger than MAX declared");
          }
        }
        return n;
      }

      private void ended() throws IOException {
        if (left > 0) {
          throw new IOException("the file is shorter than MAX declared");
        }
      }
    };
  }

  /**
   * {@code GET /me} tells whether the token is still valid; in webhook mode, a bot without a
   * subscription to one of our hook URLs (MAX drops one after 8 h of failed deliveries) has its
   * webhook failing. The probe knows the bot, not its connection: any hook URL of ours counts.
   */
  ChannelHealth probe(String token) {
    try {
      api.call(token, "me", MaxApi::me);
    } catch (InvalidBotToken revoked) {
      return ChannelHealth.TOKEN_REVOKED;
    }
    if (config.receiveMode() == MaxConfig.ReceiveMode.WEBHOOK) {
      String ours = config.webhookUrl("").toString();
      MaxApi.Subscriptions current = api.call(token, "subscriptions", MaxApi::subscriptions);
      boolean subscribed =
          current != null
              && current.subscriptions() != null
              && current.subscriptions().stream()
                  .anyMatch(s -> s.url() != null && s.url().startsWith(ours));
      if (!subscribed) {
        return ChannelHealth.WEBHOOK_FAILING;
      }
    }
    return ChannelHealth.HEALTHY;
  }
}
