package io.omnichannel.testkit.oneconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.omnichannel.testkit.oneconnect.Chats.Content;
import io.omnichannel.testkit.oneconnect.TranscriptEntry.Kind;
import java.util.Map;
import java.util.function.Function;

/**
 * The assumed contract (§4) for posting into a line as a client user. Checks in order: auth (401),
 * tariff option (403), request shape (400), size (413), line and user (404; 403 for a line of
 * another account), a known {@code external_id} (answers the first message id), ban (403), then
 * delivers.
 */
final class ReceiveEndpoints {
  static final String OPTION_OFF = "External channels option is not active";
  static final String LINE_SWITCHED_OFF = "Line is switched off for this user";

  private final Emulation emu;

  ReceiveEndpoints(Emulation emu) {
    this.emu = emu;
  }

  void register(Javalin app) {
    Routes.both(app, HandlerType.POST, "/v1/line/receive/message/", this::message);
    Routes.both(app, HandlerType.POST, "/v1/line/receive/file/", ctx -> file(ctx, Kind.FILE));
    Routes.both(app, HandlerType.POST, "/v1/line/receive/image/", ctx -> file(ctx, Kind.IMAGE));
  }

  private void message(Context ctx) {
    ApiAccount account = authorisedWithOption(ctx);
    ObjectNode request = Wire.object(ctx);
    String text = Wire.requiredText(request, "text");
    deliver(ctx, account, request, lineId -> Content.text(text));
  }

  private void file(Context ctx, Kind kind) {
    ApiAccount account = authorisedWithOption(ctx);
    long limit = kind == Kind.IMAGE ? emu.config().maxImageBytes() : emu.config().maxFileBytes();
    Multipart.Upload upload = Multipart.read(ctx, limit);
    String fileName = Wire.requiredText(upload.meta(), "file_name");
    String comment = Wire.optionalText(upload.meta(), "comment");
    deliver(
        ctx,
        account,
        upload.meta(),
        lineId ->
            new Content(
                kind,
                comment,
                null,
                null,
                emu.files().put(lineId, fileName, upload.contentType(), upload.bytes())));
  }

  private ApiAccount authorisedWithOption(Context ctx) {
    ApiAccount account = emu.access().account(ctx);
    if (!emu.directory().externalChannelsActive(account.companyId())) {
      throw ApiError.withText(403, OPTION_OFF);
    }
    return account;
  }

  private void deliver(
      Context ctx, ApiAccount account, JsonNode request, Function<String, Content> content) {
    String lineId = Wire.requiredText(request, "line_id");
    String userId = Wire.requiredText(request, "user_id");
    String externalId = Wire.requiredText(request, "external_id");
    Line line = emu.access().line(account, lineId);
    boolean userOfCompany =
        emu.clients()
            .user(userId)
            .flatMap(user -> emu.clients().client(user.clientId()))
            .filter(client -> client.companyId().equals(account.companyId()))
            .isPresent();
    if (!userOfCompany) {
      throw ApiError.withText(404, "User not found");
    }
    String messageId =
        emu.ledger()
            .deliverOnce(
                line.id(),
                externalId,
                () -> {
                  if (!emu.access().isSubscriber(line, userId)) {
                    throw ApiError.withText(403, LINE_SWITCHED_OFF);
                  }
                  return emu.chats()
                      .receivedByApi(line.id(), userId, content.apply(line.id()), externalId)
                      .messageId();
                });
    Wire.json(ctx, Map.of("message_id", messageId));
  }
}
