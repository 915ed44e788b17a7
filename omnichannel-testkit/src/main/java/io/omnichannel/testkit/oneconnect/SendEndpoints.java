package io.omnichannel.testkit.oneconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.omnichannel.testkit.oneconnect.Chats.Content;
import io.omnichannel.testkit.oneconnect.TranscriptEntry.Kind;
import java.util.Locale;

/** The bot's side of a chat: send message, file, image; drop keyboard. */
final class SendEndpoints {
  static final String NOT_A_SUBSCRIBER = "User is not a subscriber or never been online";

  private final Emulation emu;

  SendEndpoints(Emulation emu) {
    this.emu = emu;
  }

  void register(Javalin app) {
    Routes.both(app, HandlerType.POST, "/v1/line/send/message/", this::sendMessage);
    Routes.both(app, HandlerType.POST, "/v1/line/send/file/", ctx -> sendFile(ctx, Kind.FILE));
    Routes.both(app, HandlerType.POST, "/v1/line/send/image/", ctx -> sendFile(ctx, Kind.IMAGE));
    Routes.both(app, HandlerType.POST, "/v1/line/drop/keyboard/", this::dropKeyboard);
  }

  private void sendMessage(Context ctx) {
    ApiAccount account = emu.access().account(ctx);
    ObjectNode request = Wire.object(ctx);
    Chat chat = chat(account, request);
    String text = Wire.optionalText(request, "text");
    if (text == null) {
      throw ApiError.badRequest("Field text is required");
    }
    Wire.optionalBoolean(request, "general_settings");
    Wire.optionalBoolean(request, "bot_as_spec");
    Content content =
        new Content(Kind.TEXT, text, Keyboards.optional(request, "keyboard"), null, null);
    emu.chats().sentByApi(chat.line().id(), chat.userId(), chat.authorId(), content);
    Wire.ok(ctx);
  }

  private void sendFile(Context ctx, Kind kind) {
    ApiAccount account = emu.access().account(ctx);
    long limit = kind == Kind.IMAGE ? emu.config().maxImageBytes() : emu.config().maxFileBytes();
    Multipart.Upload upload = Multipart.read(ctx, limit);
    if (kind == Kind.IMAGE && !upload.contentType().toLowerCase(Locale.ROOT).startsWith("image/")) {
      throw ApiError.badRequest("Part file of an image must have an image/* type");
    }
    Chat chat = chat(account, upload.meta());
    String fileName = Wire.requiredText(upload.meta(), "file_name");
    FileRef file =
        emu.files().put(chat.line().id(), fileName, upload.contentType(), upload.bytes());
    Content content =
        new Content(
            kind,
            Wire.optionalText(upload.meta(), "comment"),
            Keyboards.optional(upload.meta(), "keyboard"),
            null,
            file);
    emu.chats().sentByApi(chat.line().id(), chat.userId(), chat.authorId(), content);
    Wire.ok(ctx);
  }

  private void dropKeyboard(Context ctx) {
    ApiAccount account = emu.access().account(ctx);
    Chat chat = chat(account, Wire.object(ctx));
    emu.chats()
        .sentByApi(
            chat.line().id(),
            chat.userId(),
            chat.authorId(),
            new Content(Kind.KEYBOARD_DROPPED, null, null, null, null));
    Wire.ok(ctx);
  }

  /** The addressed chat: the account's line and a subscriber of it, or the documented 403. */
  private Chat chat(ApiAccount account, JsonNode request) {
    String lineId = Wire.requiredText(request, "line_id");
    String userId = Wire.requiredText(request, "user_id");
    String authorId = Wire.optionalText(request, "author_id");
    Line line = emu.access().line(account, lineId);
    if (authorId != null
        && emu.directory()
            .specialist(authorId)
            .filter(s -> s.companyId().equals(account.companyId()))
            .isEmpty()) {
      throw ApiError.badRequest("Field author_id is not a specialist of the company");
    }
    if (!emu.access().isSubscriber(line, userId)) {
      throw ApiError.withText(403, NOT_A_SUBSCRIBER);
    }
    return new Chat(line, userId, authorId);
  }

  private record Chat(Line line, String userId, String authorId) {}
}
