package io.omnichannel.max;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnichannel.core.domain.BotId;
import io.omnichannel.core.domain.ChannelPost;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.Direction;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.LimitCheck;
import io.omnichannel.core.domain.LimitCheck.FileKind;
import io.omnichannel.core.domain.failure.ChannelUnavailable;
import io.omnichannel.core.port.out.SendOutcome;
import io.omnichannel.messenger.support.TextParts;
import io.omnichannel.messenger.support.Undeliverable;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sending to a MAX chat ({@code POST /messages?chat_id=}): text split into parts of at most 4000
 * characters, the keyboard under the last part; a file by MAX's upload flow — {@code POST
 * /uploads?type=image|file} for an upload URL, the bytes streamed there as the multipart part
 * {@code data}, the token (or the image's {@code photos} object) attached to the message. A send
 * MAX refuses with {@code attachment.not.ready} is tried again after each of the configured waits;
 * when they are spent it fails as retryable, and the core's queue tries again later.
 */
final class Sending {
  private final MaxApis api;
  private final MaxHttp http;
  private final Pacing pacing;
  private final ObjectMapper json;
  private final MaxConfig config;
  private final Consumer<Duration> sleeper;

  Sending(
      MaxApis api,
      MaxHttp http,
      Pacing pacing,
      ObjectMapper json,
      MaxConfig config,
      Consumer<Duration> sleeper) {
    this.api = api;
    this.http = http;
    this.pacing = pacing;
    this.json = json;
    this.config = config;
    this.sleeper = sleeper;
  }

  /**
   * Sends one post; a refusal for the recipient's sake (blocked, chat unknown, too large) ends the
   * send with its outcome, parts not yet sent unsent. Unavailability, rate limits and a rejected
   * token are thrown.
   */
  SendOutcome send(BotId bot, String token, ChatId chat, ChannelPost post) {
    try {
      return new SendOutcome.Sent(sendPaced(bot, token, chat, post));
    } catch (Undeliverable refused) {
      return refused.outcome();
    }
  }

  /** Sends the post's requests in one claim of slots; when the chat's next message may go. */
  private Optional<Instant> sendPaced(BotId bot, String token, ChatId chat, ChannelPost post) {
    Duration request = config.timeouts().request();
    if (post instanceof ChannelPost.Text text) {
      List<Runnable> calls =
          textCalls(token, chat, TextParts.split(text.text(), Texts.MESSAGE_MAX), text.keyboard());
      return pacing.send(bot, chat, request, calls);
    }
    ChannelPost.File file = (ChannelPost.File) post;
    LimitCheck check =
        MaxChannel.DESCRIPTION
            .limits()
            .checkSize(Direction.TO_CHANNEL, file.kind(), file.sizeBytes());
    if (!check.allowed()) {
      throw new Undeliverable(
          file.kind()
              + " of "
              + file.sizeBytes()
              + " bytes is over the limit of "
              + MaxChannel.DESCRIPTION.limits().maxBytes(Direction.TO_CHANNEL, file.kind())
              + " bytes",
          new SendOutcome.TooLarge());
    }
    String[] caption = TextParts.head(file.caption().orElse(""), Texts.MESSAGE_MAX);
    List<String> following = TextParts.split(caption[1], Texts.MESSAGE_MAX);
    Keyboard onFile = following.isEmpty() ? file.keyboard() : Keyboard.UNCHANGED;
    List<Runnable> calls = new ArrayList<>();
    calls.add(
        () -> {
          JsonNode media = upload(token, file);
          List<JsonNode> attachments = new ArrayList<>();
          attachments.add(media);
          keyboard(onFile).ifPresent(attachments::add);
          String text = caption[0].isEmpty() ? null : caption[0];
          sendMessage(token, chat, new MaxApi.NewMessage(text, attachments));
        });
    calls.addAll(textCalls(token, chat, following, file.keyboard()));
    return pacing.send(bot, chat, request.plus(config.timeouts().upload()), calls);
  }

  /** Steps 1–3 of the upload flow; the attachment to send. */
  JsonNode upload(String token, ChannelPost.File file) {
    boolean image = file.kind() == FileKind.IMAGE;
    String type = image ? "image" : "file";
    MaxApi.UploadEndpoint endpoint = api.call(token, "uploads", bot -> bot.upload(type));
    if (endpoint == null || endpoint.url() == null || endpoint.url().isBlank()) {
      throw new ChannelUnavailable("uploads: no upload URL in the answer");
    }
    URI url;
    try {
      url = URI.create(endpoint.url());
    } catch (IllegalArgumentException e) {
      throw new ChannelUnavailable("uploads: the upload URL is no URL");
    }
    JsonNode answer =
        http.upload(url, file.fileName(), file.mimeType(), file.sizeBytes(), file.source());
    ObjectNode attachment = json.createObjectNode().put("type", type);
    Optional<String> uploaded = MaxHttp.text(answer, "token");
    Optional<String> token1 =
        Optional.ofNullable(endpoint.token()).filter(value -> !value.isBlank());
    if (image && uploaded.isEmpty() && answer.has("photos")) {
      // as the official client: the photos object passes on as the payload
      attachment.putObject("payload").set("photos", answer.get("photos"));
      return attachment;
    }
    String mediaToken =
        uploaded
            .or(() -> token1)
            .orElseThrow(() -> new ChannelUnavailable("upload: no token in the answer"));
    attachment.putObject("payload").put("token", mediaToken);
    return attachment;
  }

  private List<Runnable> textCalls(
      String token, ChatId chat, List<String> parts, Keyboard keyboard) {
    List<Runnable> calls = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      Optional<JsonNode> markup = i == parts.size() - 1 ? keyboard(keyboard) : Optional.empty();
      MaxApi.NewMessage message =
          new MaxApi.NewMessage(parts.get(i), markup.map(List::of).orElse(null));
      calls.add(() -> sendMessage(token, chat, message));
    }
    return calls;
  }

  private Optional<JsonNode> keyboard(Keyboard keyboard) {
    return Keyboards.of(keyboard, json);
  }

  /** {@code POST /messages}, tried again while MAX says the attachment is not ready. */
  void sendMessage(String token, ChatId chat, MaxApi.NewMessage message) {
    Map<String, Object> recipient = Map.of("chat_id", chat.value());
    List<Duration> waits = config.timeouts().notReadyWaits();
    for (int attempt = 0; ; attempt++) {
      try {
        api.call(token, "messages", bot -> bot.send(recipient, message));
        return;
      } catch (MaxErrors.AttachmentNotReady notReady) {
        if (attempt >= waits.size()) {
          throw notReady;
        }
        sleeper.accept(waits.get(attempt));
      }
    }
  }
}
