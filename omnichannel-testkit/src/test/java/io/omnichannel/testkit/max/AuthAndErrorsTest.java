package io.omnichannel.testkit.max;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bare-token header, the refused query token, error bodies {code, message}. */
class AuthAndErrorsTest extends MaxEmulatorTest {

  @Test
  void meAnswersTheBotWithItsUserId() {
    MaxApiClient.Response me = api.get("/me");

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.contentType()).startsWith("application/json");
    assertThat(me.json().path("user_id").asLong()).isEqualTo(botInfo.userId());
    assertThat(me.json().path("is_bot").asBoolean()).isTrue();
    assertThat(me.json().path("username").asText()).isEqualTo("support_test_bot");
    assertThat(me.json().path("first_name").asText()).isEqualTo("Support");
  }

  @Test
  void queryAccessTokenIsRefusedAsDeprecatedEvenWhenValid() {
    MaxApiClient.Response answer = api.withToken(null).get("/me?access_token=" + token);

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.code()).isEqualTo("deprecated.token");
    assertThat(answer.message())
        .isEqualTo("Query parameter access_token is deprecated, use Authorization header");
  }

  @Test
  void unknownMissingOrBearerTokenIs401VerifyToken() {
    for (MaxApiClient client :
        new MaxApiClient[] {
          api.withToken("nope"), api.withToken(null), api.withToken("Bearer " + token)
        }) {
      MaxApiClient.Response answer = client.get("/me");
      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.code()).isEqualTo("verify.token");
      assertThat(answer.message()).isEqualTo("Invalid access_token");
    }
  }

  @Test
  void revokedTokenIs401() {
    emulator.revokeToken(token);

    assertThat(api.get("/me").status()).isEqualTo(401);
  }

  @Test
  void unknownPathIs404MethodNotFound() {
    MaxApiClient.Response answer = api.get("/getMe");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.code()).isEqualTo("method.not.found");
    assertThat(answer.message())
        .isEqualTo("Path /getMe is not recognized. Please check docs at https://dev.max.ru/docs");
  }

  @Test
  void garbageBodyIs400WithCodeAndMessage() {
    emulator.bot(token).dialog(ALICE).startsBot();

    MaxApiClient.Response answer = api.post("/messages?user_id=" + ALICE.userId(), "{not json");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.code()).isEqualTo("proto.payload");
    assertThat(answer.message()).isNotBlank();
  }
}
