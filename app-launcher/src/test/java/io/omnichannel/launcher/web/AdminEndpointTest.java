package io.omnichannel.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.omnichannel.core.domain.ChannelEvent.ChannelMessage;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ChatKind;
import io.omnichannel.core.domain.DeadLetter;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.MessageContext;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.Sender;
import io.omnichannel.core.fakes.CoreFixture;
import io.omnichannel.core.fakes.InMemoryDeadLetters;
import io.omnichannel.core.usecase.ListingAccounts;
import io.omnichannel.core.usecase.ReworkingDeadLetters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminEndpointTest {
  private static final String TOKEN = "admin-token-0123456789";

  private final CoreFixture world = new CoreFixture();
  private final InMemoryDeadLetters deadLetters = new InMemoryDeadLetters();
  private final HttpClient http = HttpClient.newHttpClient();
  private Javalin server;

  @BeforeEach
  void start() {
    deadLetters.park(DeadLetter.Queue.OUTBOX, 7, "ChannelUnavailable after 12 attempt(s)");
    server = Javalin.create();
    new AdminEndpoint(
            Optional.of(Secret.of(TOKEN)),
            world.connections,
            new ListingAccounts(world.connections, world.accounts, world.platform),
            world.logs,
            new ReworkingDeadLetters(deadLetters, world.clock))
        .mount(server);
    server.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private HttpResponse<String> post(String path, String bearer) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .POST(HttpRequest.BodyPublishers.noBody());
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String bearer) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void refusesWithoutTheRightBearerToken() throws Exception {
    assertThat(get("/admin/connections", null).statusCode()).isEqualTo(401);
    assertThat(get("/admin/connections", "wrong").statusCode()).isEqualTo(401);
    assertThat(get("/admin", TOKEN + "x").statusCode()).isEqualTo(401);
  }

  @Test
  void listsConnectionsWithStateMessengerAndNoSecret() throws Exception {
    var connection = world.connectedLine("Поддержка", "Support", "support_bot");
    world.connectedLine(world.pigeon, "Продажи", "Sales", "sales_bot");

    HttpResponse<String> response = get("/admin/connections", TOKEN);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"line\":\"Поддержка\",\"channel\":\"Telegram\"")
        .contains("\"line\":\"Продажи\",\"channel\":\"Pigeon\"")
        .contains("\"bot\":\"@support_bot\"")
        .contains("\"state\":\"ACTIVE\"")
        .contains("\"client\":\"Telegram: Support\"")
        .doesNotContain(connection.token().reveal())
        .doesNotContain(connection.apiAccount().password().reveal());
  }

  @Test
  void showsATechnicalClientsAccountsWithBanState() throws Exception {
    var connection = world.connectedLine("Поддержка", "Support", "support_bot");
    world.relayToLine.relay(
        connection,
        new ChannelMessage(
            new ChatId("42"),
            ChatKind.PRIVATE,
            Optional.empty(),
            new Sender("Иван Петров", Optional.of("ivan")),
            new MessageContent.Text("Привет"),
            MessageContext.PLAIN),
        "e1");
    world.platform.ban(world.accounts.all().get(0).platformUser());

    HttpResponse<String> response =
        get("/admin/connections/" + connection.id().value() + "/accounts", TOKEN);

    assertThat(response.body()).contains("\"name\":\"Иван Петров\"").contains("\"banned\":true");
  }

  @Test
  void showsDeadLettersAndAnHtmlOverview() throws Exception {
    world.connectedLine("Поддержка <b>", "Support", "support_bot");

    assertThat(get("/admin/dead-letters", TOKEN).body())
        .contains("ChannelUnavailable after 12 attempt(s)");
    assertThat(get("/admin", TOKEN).body())
        .contains("<th>Мессенджер</th>")
        .contains("<td>Поддержка &lt;b&gt;</td><td>Telegram</td>")
        .contains("Недоставленных сообщений: 1");
  }

  @Test
  void aScriptRequeuesADeadLetterWithTheBearerTokenOnly() throws Exception {
    assertThat(post("/admin/dead-letters/outbox/7/requeue", null).statusCode()).isEqualTo(401);
    assertThat(post("/admin/dead-letters/outbox/x7/requeue", TOKEN).statusCode()).isEqualTo(404);
    assertThat(post("/admin/dead-letters/parcel/7/requeue", TOKEN).statusCode()).isEqualTo(404);

    HttpResponse<String> requeued = post("/admin/dead-letters/outbox/7/requeue", TOKEN);

    assertThat(requeued.statusCode()).isEqualTo(200);
    assertThat(requeued.body()).contains("REQUEUED");
    assertThat(deadLetters.done()).containsExactly("7 requeued at " + world.clock.instant());
    assertThat(post("/admin/dead-letters/outbox/7/discard", TOKEN).statusCode()).isEqualTo(409);
  }

  @Test
  void auditNeedsACompany() throws Exception {
    world.connectedLine("Поддержка", "Support", "support_bot");

    assertThat(get("/admin/audit", TOKEN).statusCode()).isEqualTo(400);
    assertThat(get("/admin/audit?company=" + world.company.value(), TOKEN).body())
        .contains("CONNECTED");
  }

  @Test
  void withoutAConfiguredTokenTheAdminSideIsClosed() throws Exception {
    server.stop();
    server = Javalin.create();
    new AdminEndpoint(
            Optional.empty(),
            world.connections,
            new ListingAccounts(world.connections, world.accounts, world.platform),
            world.logs,
            new ReworkingDeadLetters(deadLetters, world.clock))
        .mount(server);
    server.start("127.0.0.1", 0);

    assertThat(get("/admin/connections", "").statusCode()).isEqualTo(401);
  }

  @Test
  void everyAnswerCarriesTheSecurityHeadersOfTheConfirmationPage() throws Exception {
    world.connectedLine("Поддержка", "Support", "support_bot");

    for (HttpResponse<String> response :
        List.of(
            get("/admin", TOKEN),
            get("/admin/connections", TOKEN),
            get("/admin/dead-letters", TOKEN),
            get("/admin/connections", "wrong"))) {
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .as("CSP of %s", response.uri())
          .hasValueSatisfying(
              csp -> assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'"));
      assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
      assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
      assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    }
  }

  @Test
  void anIdNoConnectionCanHaveIs400() throws Exception {
    assertThat(get("/admin/connections/%20/accounts", TOKEN).statusCode()).isEqualTo(400);
    assertThat(get("/admin/connections/" + "c".repeat(65) + "/accounts", TOKEN).statusCode())
        .isEqualTo(400);
    assertThat(get("/admin/connections/no-such-id/accounts", TOKEN).body()).isEqualTo("[]");
  }
}
