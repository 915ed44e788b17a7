package io.omnichannel.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireFormatTest extends EmulatorTest {

  @Test
  void getMeAnswersTheBotAsAUserObject() {
    ApiResponse response = api.get(token, "getMe", Map.of());

    assertThat(response.status()).isEqualTo(200);
    JsonNode me = response.result();
    assertThat(me.get("id").asLong())
        .isEqualTo(Long.parseLong(token.substring(0, token.indexOf(':'))));
    assertThat(me.get("is_bot").asBoolean()).isTrue();
    assertThat(me.get("first_name").asText()).isEqualTo("Support");
    assertThat(me.get("username").asText()).isEqualTo("support_test_bot");
    assertThat(me.get("can_join_groups").isBoolean()).isTrue();
    assertThat(me.get("can_read_all_group_messages").isBoolean()).isTrue();
    assertThat(me.get("supports_inline_queries").isBoolean()).isTrue();
  }

  @Test
  void generatedTokensHaveTheBotFatherFormat() {
    assertThat(token).matches("[0-9]+:[A-Za-z0-9_-]{35}");
  }

  @Test
  void parametersArriveInEveryEncoding() {
    emulator.bot(token).user(ALICE).sendsText("hi");
    long chat = ALICE.id();

    assertThat(
            api.get(token, "sendMessage", Map.of("chat_id", chat, "text", "query string"))
                .result()
                .get("text")
                .asText())
        .isEqualTo("query string");
    assertThat(
            api.form(token, "sendMessage", Map.of("chat_id", chat, "text", "form body"))
                .result()
                .get("text")
                .asText())
        .isEqualTo("form body");
    assertThat(
            api.json(token, "sendMessage", "{\"chat_id\":" + chat + ",\"text\":\"json body\"}")
                .result()
                .get("text")
                .asText())
        .isEqualTo("json body");
    assertThat(
            api.multipart(
                    token,
                    "sendMessage",
                    new Multipart().field("chat_id", "" + chat).field("text", "multipart body"))
                .result()
                .get("text")
                .asText())
        .isEqualTo("multipart body");
    assertThat(emulator.sentMessages(token, chat))
        .extracting(SentMessage::text)
        .containsExactly("query string", "form body", "json body", "multipart body");
  }

  @Test
  void jsonValuedParametersMayBeStringsOrObjects() {
    emulator.bot(token).user(ALICE).sendsText("hi");
    String keyboard =
        "{\"inline_keyboard\":[[{\"text\":\"Open\",\"url\":\"https://example.org\"}]]}";

    JsonNode asString =
        api.form(
                token,
                "sendMessage",
                Map.of("chat_id", ALICE.id(), "text", "a", "reply_markup", keyboard))
            .result();
    JsonNode asObject =
        api.json(
                token,
                "sendMessage",
                "{\"chat_id\":" + ALICE.id() + ",\"text\":\"b\",\"reply_markup\":" + keyboard + "}")
            .result();

    assertThat(asString.get("reply_markup")).isEqualTo(asObject.get("reply_markup"));
    assertThat(asObject.at("/reply_markup/inline_keyboard/0/0/url").asText())
        .isEqualTo("https://example.org");
  }

  @Test
  void methodNamesAreCaseInsensitive() {
    assertThat(api.get(token, "GETME", Map.of()).status()).isEqualTo(200);
    assertThat(api.get(token, "getme", Map.of()).status()).isEqualTo(200);
  }

  @Test
  void unknownMethodIsNotFound() {
    ApiResponse response = api.get(token, "sendTelepathy", Map.of());

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body().get("ok").asBoolean()).isFalse();
    assertThat(response.errorCode()).isEqualTo(404);
    assertThat(response.description()).isEqualTo("Not Found");
  }

  @Test
  void unknownTokenIsUnauthorized() {
    ApiResponse response = api.get("123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "getMe", Map.of());

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.errorCode()).isEqualTo(401);
    assertThat(response.description()).isEqualTo("Unauthorized");
  }

  @Test
  void revokedTokenIsUnauthorizedForEveryMethod() {
    assertThat(api.get(token, "getMe", Map.of()).status()).isEqualTo(200);

    emulator.revokeToken(token);

    assertThat(api.get(token, "getMe", Map.of()).status()).isEqualTo(401);
    assertThat(api.form(token, "getUpdates", Map.of()).description()).isEqualTo("Unauthorized");
    assertThat(api.form(token, "sendMessage", Map.of("chat_id", 1, "text", "x")).status())
        .isEqualTo(401);
  }

  @Test
  void givenTokensAreAcceptedOnlyInTheRealFormat() {
    String given = "987654321:ABCdefGHIjklMNOpqrSTUvwxYZ012345678";
    emulator.createBot(given, "Given", "given_bot");

    assertThat(api.get(given, "getMe", Map.of()).result().get("id").asLong()).isEqualTo(987654321L);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> emulator.createBot("12:short", "X", "x_bot"))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> emulator.createBot("Y", "assistant"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void malformedJsonBodyIsABadRequest() {
    ApiResponse response =
        api.send(
            HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/bot" + token + "/sendMessage"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{not json"))
                .build());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.description()).startsWith("Bad Request: ");
  }
}
