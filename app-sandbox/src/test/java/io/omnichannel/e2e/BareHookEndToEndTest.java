package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.testkit.oneconnect.HookRegistration;
import io.omnichannel.testkit.oneconnect.RecordedRequest;
import io.omnichannel.testkit.telegram.SentMessage;
import io.omnichannel.testkit.telegram.UserSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A line's hook registered before hook URLs carried a path secret (bare, authenticated by back-auth
 * alone) gets its secret URL when the gateway starts — with the line hook beside it that brings
 * subscription events — before the management hook is set, and line messages go on reaching the
 * user through it.
 */
class BareHookEndToEndTest extends EndToEndHarness {

  @Test
  void aBareLineHookIsSetAgainWithItsSecretAtStartBeforeTheManagementHook() throws Exception {
    Connected connected = new Connected();
    UserSpec ivan = UserSpec.of(newUserId(), "Иван", "Петров", "ivan");
    String account = connected.firstContact(ivan, "Здравствуйте");
    HookRegistration secret = botHook(connected);
    String bare = secret.url().substring(0, secret.url().lastIndexOf('.'));
    setHook(connected, secret, bare);
    assertThat(botHook(connected).url()).isEqualTo(bare);
    oneConnect.inspection().clear();

    restartGateway();

    assertThat(botHook(connected).url()).isEqualTo(secret.url());
    List<String> hookBodies =
        oneConnect.inspection().requests().stream()
            .filter(r -> r.method().equals("POST") && r.path().equals("/v1/hook/"))
            .map(RecordedRequest::body)
            .toList();
    // the connection's bot hook and, beside it, the line hook that brings subscription events
    assertThat(hookBodies).hasSize(3);
    assertThat(hookBodies.get(0)).contains("\"bot\"", secret.url());
    assertThat(hookBodies.get(1)).contains("\"line\"", secret.url());
    assertThat(hookBodies.get(2))
        .as("the management hook is set last")
        .contains("/hooks/oneconnect/management.");

    connected.specialistWrites(account, "Ответ через защищенный хук");
    List<SentMessage> sent = telegram.awaitSent(connected.bot.token(), ivan.id(), 1, WAIT);
    assertThat(sent.get(0).text()).isEqualTo("Ответ через защищенный хук");
  }

  private HookRegistration botHook(Connected connected) {
    return oneConnect.world().hooks().stream()
        .filter(
            h -> h.type() == HookRegistration.Type.BOT && connected.line.id().equals(h.lineId()))
        .findFirst()
        .orElseThrow();
  }

  /** As the gateway set hooks before path secrets came: the same back-auth, a bare URL. */
  private void setHook(Connected connected, HookRegistration hook, String url) throws Exception {
    String body =
        JSON.writeValueAsString(
            Map.of(
                "type",
                "bot",
                "url",
                url,
                "id",
                connected.line.id(),
                "back_auth",
                Map.of(
                    "type",
                    "basic",
                    "login",
                    hook.backAuth().login(),
                    "password",
                    hook.backAuth().password())));
    String auth =
        Base64.getEncoder()
            .encodeToString(
                ("api-" + connected.line.id() + ":pw").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(oneConnect.baseUrl() + "/v1/hook/"))
                    .header("Authorization", "Basic " + auth)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }
}
