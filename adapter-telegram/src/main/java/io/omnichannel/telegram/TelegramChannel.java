package io.omnichannel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.core.domain.BotAccess;
import io.omnichannel.core.domain.BotId;
import io.omnichannel.core.domain.BotProfile;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChannelDescription;
import io.omnichannel.core.domain.ChannelLimits;
import io.omnichannel.core.domain.ChannelPost;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.Direction;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.LimitCheck;
import io.omnichannel.core.domain.LimitCheck.FileKind;
import io.omnichannel.core.domain.RemoteFile;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.TopicId;
import io.omnichannel.core.domain.failure.InvalidBotToken;
import io.omnichannel.core.port.out.ChannelHealth;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.core.port.out.SendOutcome;
import io.omnichannel.messenger.support.LeasedPollers;
import io.omnichannel.messenger.support.PolledBot;
import io.omnichannel.messenger.support.TextParts;
import io.omnichannel.messenger.support.Undeliverable;
import io.omnichannel.telegram.BotApi.FileInfo;
import io.omnichannel.telegram.BotApi.User;
import io.omnichannel.telegram.BotApi.WebhookInfo;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link MessengerChannel} on the Telegram Bot API. */
final class TelegramChannel implements MessengerChannel {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramChannel.class);

  /** A webhook error newer than this makes the connection "webhook failing" (F5). */
  static final Duration RECENT_WEBHOOK_ERROR = Duration.ofMinutes(10);

  private final TelegramConfig config;
  private final BotApis api;
  private final BotHttp http;
  private final LeasedPollers pollers;
  private final ObjectMapper json;
  private final Clock clock;
  private final SharedPacing pacing;

  TelegramChannel(
      TelegramConfig config,
      BotApis api,
      BotHttp http,
      LeasedPollers pollers,
      ObjectMapper json,
      Clock clock,
      SharedPacing pacing) {
    this.config = config;
    this.api = api;
    this.http = http;
    this.pollers = pollers;
    this.json = json;
    this.clock = clock;
    this.pacing = pacing;
  }

  @Override
  public ChannelDescription describe() {
    return TelegramDescription.DESCRIPTION;
  }

  @Override
  public BotProfile identify(BotToken token) {
    User me = api.call(token, "getMe", BotApi::getMe).result();
    String name = me.last_name() == null ? me.first_name() : me.first_name() + " " + me.last_name();
    return new BotProfile(new BotId(Long.toString(me.id())), me.username(), name);
  }

  @Override
  public void startReceiving(ConnectionId connection, BotAccess bot, Secret webhookSecret) {
    if (config.receiveMode() == TelegramConfig.ReceiveMode.WEBHOOK) {
      String url = config.webhookUrl(connection.value()).toString();
      api.call(
          bot.token(),
          "setWebhook",
          client ->
              client.setWebhook(
                  new BotApi.SetWebhook(
                      url, webhookSecret.reveal(), Receivers.ALLOWED_UPDATES, 40)));
      LOG.info("connection {} bot {}: webhook set", connection, bot.bot());
    } else {
      // a webhook left from an earlier mode would make every getUpdates answer 409
      api.call(
          bot.token(),
          "deleteWebhook",
          client -> client.deleteWebhook(Map.of("drop_pending_updates", false)));
      pollers.start(
          new PolledBot(
              connection,
              String.valueOf(bot.bot()),
              (offset, wait) ->
                  http.getUpdates(bot.token(), offset, wait, Receivers.ALLOWED_UPDATES),
              Redaction::redact));
    }
  }

  @Override
  public void stopReceiving(ConnectionId connection, BotAccess bot) {
    pollers.stop(connection);
    if (config.receiveMode() == TelegramConfig.ReceiveMode.WEBHOOK) {
      try {
        api.call(
            bot.token(),
            "deleteWebhook",
            client -> client.deleteWebhook(Map.of("drop_pending_updates", false)));
      } catch (InvalidBotToken revoked) {
        // a revoked token receives nothing any more: the webhook is as good as deleted
      }
    }
    api.forget(bot.token());
    LOG.info("connection {} bot {}: receiving stopped", connection, bot.bot());
  }

  /**
   * B9: into the topic with its message_thread_id; without one Telegram posts into "General". A
   * refusal for the recipient's sake ends the send with its outcome, parts not yet sent unsent.
   */
  @Override
  public SendOutcome send(BotAccess bot, ChatId chat, Optional<TopicId> topic, ChannelPost post) {
    try {
      return new SendOutcome.Sent(sendPaced(bot, chat, topic, post));
    } catch (Undeliverable refused) {
      return refused.outcome();
    }
  }

  /** Sends the post's parts in one claim of slots; when the chat's next message may go. */
  private Optional<Instant> sendPaced(
      BotAccess bot, ChatId chat, Optional<TopicId> topic, ChannelPost post) {
    Long thread = topic.map(id -> Long.parseLong(id.value())).orElse(null);
    Duration request = config.timeouts().request();
    if (post instanceof ChannelPost.Text) {
      ChannelPost.Text text = (ChannelPost.Text) post;
      return pacing.send(
          bot.bot(),
          chat,
          request,
          textCalls(
              bot, chat, thread, TextParts.split(text.text(), Texts.MESSAGE_MAX), text.keyboard()));
    }
    ChannelPost.File file = (ChannelPost.File) post;
    ChannelLimits limits = TelegramDescription.DESCRIPTION.limits();
    LimitCheck check = limits.checkSize(Direction.TO_CHANNEL, file.kind(), file.sizeBytes());
    if (!check.allowed()) {
      throw new Undeliverable(
          file.kind()
              + " of "
              + file.sizeBytes()
              + " bytes is over Telegram's limit of "
              + limits.maxBytes(Direction.TO_CHANNEL, file.kind())
              + " bytes",
          new SendOutcome.TooLarge());
    }
    String[] caption = TextParts.head(file.caption().orElse(""), Texts.CAPTION_MAX);
    List<String> following = TextParts.split(caption[1], Texts.MESSAGE_MAX);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("chat_id", chat.value());
    if (thread != null) {
      fields.put("message_thread_id", thread.toString());
    }
    if (!caption[0].isEmpty()) {
      fields.put("caption", caption[0]);
    }
    JsonNode markup = following.isEmpty() ? Markups.of(file.keyboard(), json) : null;
    if (markup != null) {
      fields.put("reply_markup", markup.toString());
    }
    boolean image = file.kind() == FileKind.IMAGE;
    String method = image ? "sendPhoto" : "sendDocument";
    List<Runnable> calls = new ArrayList<>();
    calls.add(
        () ->
            http.upload(
                bot.token(),
                method,
                fields,
                image ? "photo" : "document",
                file.fileName(),
                file.mimeType(),
                file.sizeBytes(),
                file.source()));
    calls.addAll(textCalls(bot, chat, thread, following, file.keyboard()));
    return pacing.send(bot.bot(), chat, request.plus(config.timeouts().upload()), calls);
  }

  private List<Runnable> textCalls(
      BotAccess bot, ChatId chat, Long thread, List<String> parts, Keyboard keyboard) {
    List<Runnable> calls = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      JsonNode markup = i == parts.size() - 1 ? Markups.of(keyboard, json) : null;
      BotApi.SendMessage message =
          new BotApi.SendMessage(chat.value(), thread, parts.get(i), markup);
      calls.add(() -> api.call(bot.token(), "sendMessage", client -> client.sendMessage(message)));
    }
    return calls;
  }

  @Override
  public RemoteFile fetchFile(BotAccess bot, FileRef file) {
    FileInfo info;
    try {
      info = api.call(bot.token(), "getFile", client -> client.getFile(file.value())).result();
    } catch (Undeliverable refused) {
      if (!(refused.outcome() instanceof SendOutcome.TooLarge)) {
        throw refused;
      }
      // getFile refuses files over 20 MB without telling their size: report one byte over the
      // largest limit
      return new RemoteFile(
          ChannelLimits.TO_LINE_FILE_MAX_BYTES + 1,
          () -> {
            throw new IOException("file is too big to download from Telegram");
          });
    }
    long size =
        info.file_size() == null ? ChannelLimits.TO_LINE_FILE_MAX_BYTES + 1 : info.file_size();
    String path = info.file_path();
    return new RemoteFile(size, () -> limited(http.download(bot.token(), path), size));
  }

  /** A stream that fails rather than deliver more than the size the core accepted. */
  private static InputStream limited(InputStream in, long size) {
    return new java.io.FilterInputStream(in) {
      private long left = size;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && --left < 0) {
          throw new IOException("file is larger than Telegram declared");
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        if (n > 0) {
          left -= n;
          if (left < 0) {
            throw new IOException("file is larger than Telegram declared");
          }
        }
        return n;
      }
    };
  }

  /** Telegram's messages carry their group's title. */
  @Override
  public Optional<String> groupTitle(BotAccess bot, ChatId chat) {
    return Optional.empty();
  }

  @Override
  public ChannelHealth probe(BotAccess bot) {
    try {
      api.call(bot.token(), "getMe", BotApi::getMe);
    } catch (InvalidBotToken revoked) {
      return ChannelHealth.TOKEN_REVOKED;
    }
    if (config.receiveMode() == TelegramConfig.ReceiveMode.WEBHOOK) {
      WebhookInfo info = api.call(bot.token(), "getWebhookInfo", BotApi::getWebhookInfo).result();
      if (info.last_error_date() != null && info.last_error_date() > 0) {
        Instant lastError = Instant.ofEpochSecond(info.last_error_date());
        if (lastError.isAfter(clock.instant().minus(RECENT_WEBHOOK_ERROR))) {
          return ChannelHealth.WEBHOOK_FAILING;
        }
      }
    }
    return ChannelHealth.HEALTHY;
  }

  void close() {
    // nothing waits for a slot, so nothing is to be released
  }
}
