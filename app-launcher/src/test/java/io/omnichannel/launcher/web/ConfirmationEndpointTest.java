package io.omnichannel.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.Line;
import io.omnichannel.core.fakes.CoreFixture;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The confirmation page over real HTTP, on the core wired to in-memory fakes. */
class ConfirmationEndpointTest {
  private final CoreFixture world = new CoreFixture();
  private final HttpClient http = HttpClient.newHttpClient();
  private Javalin server;
  private Line line;
  private BotToken token;
  private ApiAccount account;

  @BeforeEach
  void start() {
    server = Javalin.create();
    new ConfirmationEndpoint(world.confirming).mount(server);
    server.start("127.0.0.1", 0);
    line = world.platform.line(world.company, "Поддержка <script>alert(1)</script>");
    token = world.messenger.bot("Support & Co", "support_bot");
    account = world.platform.apiAccount("api-support", "s3cret", world.company, line);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private URI page(String linkToken) {
    return URI.create("http://127.0.0.1:" + server.port() + "/confirm/" + linkToken);
  }

  private HttpResponse<String> get(String linkToken) throws Exception {
    return http.send(
        HttpRequest.newBuilder(page(linkToken)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String linkToken, String login, String password)
      throws Exception {
    return post(
        linkToken,
        "login="
            + URLEncoder.encode(login, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(String linkToken, String form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(page(linkToken))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void showsTheFormWithEscapedNamesAndNeverCaches() throws Exception {
    HttpResponse<String> response = get(world.connectLink(line, token));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(response.body())
        .contains("Подключение Telegram-бота")
        .contains("name=\"login\"")
        .contains("name=\"password\"")
        .contains("Поддержка &lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("Support &amp; Co")
        .doesNotContain("<script>");
  }

  @Test
  void aWrongPasswordShowsTheFormAgainWithTheReason() throws Exception {
    String link = world.connectLink(line, token);

    HttpResponse<String> response = post(link, "api-support", "wrong");

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body())
        .contains("Неверный логин или пароль учетной записи API.")
        .contains("name=\"password\"")
        .doesNotContain("wrong");
  }

  @Test
  void theRightAccountConnectsAndTheLinkIsThenUsedUp() throws Exception {
    String link = world.connectLink(line, token);

    HttpResponse<String> done = post(link, "api-support", "s3cret");

    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body())
        .contains("Telegram-бот @support_bot подключен к линии")
        .contains("Telegram: Support &amp; Co");
    assertThat(world.connections.findActiveByLine(line.id())).isPresent();

    HttpResponse<String> again = post(link, "api-support", "s3cret");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("Ссылка уже использована.");
    assertThat(get(link).statusCode()).isEqualTo(410);
  }

  @Test
  void anExpiredLinkShowsAClearPage() throws Exception {
    String link = world.connectLink(line, token);
    world.clock.advance(Duration.ofMinutes(16));

    HttpResponse<String> response = get(link);

    assertThat(response.statusCode()).isEqualTo(410);
    assertThat(response.body()).contains("Срок действия ссылки истек").doesNotContain("<form");
  }

  @Test
  void anUnknownLinkIsNotFound() throws Exception {
    HttpResponse<String> response = get("no-such-link");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("Такой ссылки нет.");
  }

  @Test
  void anEmptyFormIsAskedAgainWithoutTouchingTheLink() throws Exception {
    String link = world.connectLink(line, token);

    HttpResponse<String> response = post(link, " ", "");

    assertThat(response.body()).contains("Введите логин и пароль учетной записи API.");
    assertThat(post(link, "api-support", "s3cret").statusCode()).isEqualTo(200);
  }

  @Test
  void aFormThatIsNotUrlEncodedIs400AndTheLinkStillWorks() throws Exception {
    String link = world.connectLink(line, token);

    for (String broken :
        List.of("login=api-support&password=%zz", "login=%C3%28&password=%FF", "login=%")) {
      HttpResponse<String> response = post(link, broken);

      assertThat(response.statusCode()).as(broken).isEqualTo(400);
      assertThat(response.body()).contains("Введите логин и пароль учетной записи API.");
    }
    assertThat(post(link, "api-support", "s3cret").statusCode()).isEqualTo(200);
  }

  @Test
  void aLoginOrPasswordNoAccountCanHaveIs400AndTheLinkStillWorks() throws Exception {
    String link = world.connectLink(line, token);

    assertThat(post(link, "a".repeat(256), "s3cret").statusCode()).isEqualTo(400);
    assertThat(post(link, "api-support", "я".repeat(243)).statusCode()).isEqualTo(400);
    assertThat(post(link, "api-support", "s3cret").statusCode()).isEqualTo(200);
  }

  @Test
  void theFormCarriesTheSecurityHeadersOnEveryAnswer() throws Exception {
    String link = world.connectLink(line, token);

    for (HttpResponse<String> response :
        List.of(get(link), post(link, "api-support", "wrong"), post("no-such-link", "a", "b"))) {
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .hasValueSatisfying(
              csp -> assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'"));
      assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
      assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }
  }

  @Test
  void aFlurryOfSubmitsFromOneAddressGets429WithRetryAfterBeforeAnythingIsChecked()
      throws Exception {
    AtomicLong nanos = new AtomicLong();
    Javalin throttled = Javalin.create();
    new ConfirmationEndpoint(
            world.confirming, new FormThrottle(3, Duration.ofSeconds(6), 100, nanos::get))
        .mount(throttled);
    throttled.start("127.0.0.1", 0);
    try {
      String link = world.connectLink(line, token);
      URI page = URI.create("http://127.0.0.1:" + throttled.port() + "/confirm/" + link);
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        statuses.add(postTo(page, "api-support", "guess-" + i).statusCode());
      }
      HttpResponse<String> refused = postTo(page, "api-support", "s3cret");

      assertThat(statuses).containsExactly(422, 422, 422, 429);
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).contains("6");
      assertThat(refused.body()).contains("Слишком много попыток");
      assertThat(world.platform.verifications()).as("429 asks nobody").isEqualTo(3);

      nanos.addAndGet(Duration.ofSeconds(6).toNanos());
      assertThat(postTo(page, "api-support", "s3cret").statusCode()).isEqualTo(200);
    } finally {
      throttled.stop();
    }
  }

  @Test
  void anotherCompanysAccountGetsTheAnswerOfAWrongPassword() throws Exception {
    var other = new io.omnichannel.core.domain.CompanyId("company-2");
    world.platform.apiAccount("api-foreign", "pw", other, world.platform.line(other, "Чужая"));
    String link = world.connectLink(line, token);

    HttpResponse<String> foreign = post(link, "api-foreign", "pw");
    HttpResponse<String> wrong = post(link, "api-support", "guess");

    assertThat(foreign.statusCode()).isEqualTo(wrong.statusCode()).isEqualTo(422);
    assertThat(foreign.body()).isEqualTo(wrong.body());
  }

  @Test
  void theFifthWrongPasswordBurnsTheLink() throws Exception {
    String link = world.connectLink(line, token);
    for (int i = 0; i < 4; i++) {
      assertThat(post(link, "api-support", "guess").statusCode()).isEqualTo(422);
    }

    HttpResponse<String> burned = post(link, "api-support", "guess");

    assertThat(burned.statusCode()).isEqualTo(409);
    assertThat(burned.body()).contains("ссылка больше не действует");
    assertThat(post(link, "api-support", "s3cret").statusCode()).isEqualTo(409);
    assertThat(get(link).statusCode()).isEqualTo(410);
  }

  private HttpResponse<String> postTo(URI page, String login, String password) throws Exception {
    String form =
        "login="
            + URLEncoder.encode(login, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return http.send(
        HttpRequest.newBuilder(page)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
