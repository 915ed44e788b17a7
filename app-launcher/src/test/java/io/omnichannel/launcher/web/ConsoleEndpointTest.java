package io.omnichannel.launcher.web;

import static io.omnichannel.core.fakes.ChannelEvents.privateText;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.DeadLetter;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.fakes.CoreFixture;
import io.omnichannel.core.fakes.InMemoryDeadLetters;
import io.omnichannel.core.usecase.ListingAccounts;
import io.omnichannel.core.usecase.ReworkingDeadLetters;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console over real HTTP on the core wired to in-memory fakes; cookies handled by hand. */
class ConsoleEndpointTest {
  private static final String TOKEN = "admin-token-0123456789";
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private final CoreFixture world = new CoreFixture();
  private final InMemoryDeadLetters deadLetters = new InMemoryDeadLetters();
  private final HttpClient http = HttpClient.newHttpClient();
  private Javalin server;

  @BeforeEach
  void start() {
    start("http://127.0.0.1");
  }

  private void start(String publicBase) {
    server = Javalin.create();
    new ConsoleEndpoint(
            Optional.of(Secret.of(TOKEN)),
            URI.create(publicBase),
            world.connections,
            world.companyNames,
            new ListingAccounts(world.connections, world.accounts, world.platform),
            new ReworkingDeadLetters(deadLetters, world.clock),
            world.logs,
            world.clock)
        .mount(server);
    new Stylesheet().mount(server);
    server.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private URI at(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(at(path));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String cookie, String form, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(at(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> login(String token, String... headers) throws Exception {
    return post(
        "/console/login",
        null,
        "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
        headers);
  }

  /** Logs in; returns the cookie as a browser sends it back. */
  private String session() throws Exception {
    HttpResponse<String> response = login(TOKEN);
    assertThat(response.statusCode()).isEqualTo(303);
    return response.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
  }

  private static String csrfOf(String page) {
    Matcher found = CSRF.matcher(page);
    assertThat(found.find()).as(page).isTrue();
    return found.group(1);
  }

  @Test
  void theRightTokenOpensAStrictHttpOnlySessionAndTheWrongOneDoesNot() throws Exception {
    HttpResponse<String> wrong = login("wrong");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(wrong.body()).contains("Неверный токен администратора.");

    HttpResponse<String> right = login(TOKEN);
    assertThat(right.statusCode()).isEqualTo(303);
    assertThat(right.headers().firstValue("Location")).contains("/console/connections");
    String cookie = right.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie)
        .startsWith("omnichannel_console=")
        .containsIgnoringCase("HttpOnly")
        .containsIgnoringCase("SameSite=Strict")
        .contains("Path=/console")
        .doesNotContainIgnoringCase("Secure")
        .doesNotContain(TOKEN);
  }

  @Test
  void theCookieIsSecureBehindAnHttpsProxyOrAnHttpsPublicBase() throws Exception {
    assertThat(login(TOKEN, "X-Forwarded-Proto", "https").headers().firstValue("Set-Cookie"))
        .hasValueSatisfying(cookie -> assertThat(cookie).containsIgnoringCase("; Secure"));
    stop();
    start("https://support.example.com");
    assertThat(login(TOKEN).headers().firstValue("Set-Cookie"))
        .hasValueSatisfying(cookie -> assertThat(cookie).containsIgnoringCase("; Secure"));
  }

  @Test
  void pagesNeedASessionAndShowNamesEscaped() throws Exception {
    world.companyNames.remember(world.company, "ООО «Ромашка»");
    world.connectedLine("<script>alert(1)</script>", "Support", "support_bot");

    HttpResponse<String> anonymous = get("/console/connections", null);
    assertThat(anonymous.statusCode()).isEqualTo(303);
    assertThat(anonymous.headers().firstValue("Location")).contains("/console/login");

    HttpResponse<String> page = get("/console/connections", session());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>")
        .contains("ООО «Ромашка»", "@support_bot", "Работает", "Пользователи")
        .doesNotContain(world.company.value())
        .doesNotContain(TOKEN);
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp -> assertThat(csp).contains("default-src 'none'", "style-src 'self'"));
  }

  @Test
  void theConnectionsPageShowsEachConnectionsMessenger() throws Exception {
    world.connectedLine("Поддержка", "Support", "support_bot");
    world.connectedLine(world.pigeon, "Продажи", "Sales", "sales_bot");

    String page = get("/console/connections", session()).body();

    assertThat(page)
        .contains("<th>Мессенджер</th>")
        .contains("<td>Поддержка</td><td>Telegram</td>")
        .contains("<td>Продажи</td><td>Pigeon</td>");
  }

  @Test
  void theAccountsPageTellsABanAndABlockWithSince() throws Exception {
    var connection = world.connectedLine("Поддержка", "Support", "support_bot");
    world.relayToLine.relay(connection, privateText("42", "Иван Петров", "Привет"), "e1");
    ChannelAccount ivan = world.accounts.all().get(0);
    world.platform.ban(ivan.platformUser());
    world.accounts.update(ivan.blockedAt(world.clock.instant()));

    String page = get(ConsoleEndpoint.accountsOf(connection.id()), session()).body();

    assertThat(page)
        .contains("<th>Бан в 1С-Коннект</th><th>Бот заблокирован</th>")
        .contains(
            "<td><span class=\"state-bad\">Да</span></td><td>Да, с 29.11.2026 10:00:00 UTC</td>");
  }

  @Test
  void anActionWithoutTheSessionsCsrfTokenIsRefusedAndWithItIsDone() throws Exception {
    deadLetters.park(DeadLetter.Queue.OUTBOX, 7, "Refused: 400 <b>bad</b>");
    String cookie = session();
    String page = get("/console/dead-letters", cookie).body();
    assertThat(page).contains("Refused: 400 &lt;b&gt;bad&lt;/b&gt;", "Вернуть в очередь");
    String csrf = csrfOf(page);

    String requeue = "/console/dead-letters/outbox/7/requeue";
    assertThat(post(requeue, cookie, "").statusCode()).isEqualTo(403);
    assertThat(post(requeue, cookie, "csrf=wrong").statusCode()).isEqualTo(403);
    assertThat(post(requeue, null, "csrf=" + csrf).statusCode()).isEqualTo(403);
    for (String[] fromElsewhere :
        List.of(
            new String[] {"Origin", "https://evil.example"},
            new String[] {"Sec-Fetch-Site", "cross-site", "Origin", "null"})) {
      assertThat(post(requeue, cookie, "csrf=" + csrf, fromElsewhere).statusCode()).isEqualTo(403);
    }
    assertThat(login(TOKEN, "Sec-Fetch-Site", "same-site").statusCode()).isEqualTo(403);
    assertThat(deadLetters.done()).isEmpty();

    HttpResponse<String> requeued = post(requeue, cookie, "csrf=" + csrf);
    assertThat(requeued.statusCode()).isEqualTo(303);
    assertThat(deadLetters.done()).containsExactly("7 requeued at " + world.clock.instant());
    assertThat(get(requeued.headers().firstValue("Location").orElseThrow(), cookie).body())
        .contains("Сообщение возвращено в очередь.", "Недоставленных сообщений нет.");
  }

  @Test
  void garbageInPathsAndFiltersIsA4xx() throws Exception {
    String cookie = session();
    String csrf = csrfOf(get("/console/dead-letters", cookie).body());
    for (String path :
        List.of(
            "/console/dead-letters/parcel/7/requeue",
            "/console/dead-letters/outbox/-7/requeue",
            "/console/dead-letters/outbox/99999999999999999999/requeue",
            "/console/dead-letters/outbox/7/explode")) {
      assertThat(post(path, cookie, "csrf=" + csrf).statusCode()).as(path).isEqualTo(404);
    }
    assertThat(get("/console/audit?action=EXPLODE", cookie).statusCode()).isEqualTo(400);
    assertThat(get("/console/audit?company=" + "x".repeat(65), cookie).statusCode()).isEqualTo(400);
    assertThat(get("/console/connections/" + "x".repeat(300) + "/accounts", cookie).statusCode())
        .isEqualTo(404);
    assertThat(
            post("/console/logout", cookie, "csrf=" + csrf + "&pad=" + "x".repeat(9000))
                .statusCode())
        .isEqualTo(413);
  }

  @Test
  void theAuditTrailIsFilteredByCompanyAndAction() throws Exception {
    world.companyNames.remember(world.company, "ООО «Ромашка»");
    world.connectedLine("Поддержка", "Support", "support_bot");
    String cookie = session();

    String all = get("/console/audit", cookie).body();
    assertThat(all).contains("Бот подключен", "ООО «Ромашка»");
    String connectedOnly =
        get("/console/audit?company=" + world.company.value() + "&action=CONNECTED", cookie).body();
    assertThat(connectedOnly).contains("Бот подключен");
    assertThat(get("/console/audit?action=DISCONNECTED", cookie).body()).contains("Записей нет.");
  }

  @Test
  void logoutEndsTheSessionAndIdleSessionsExpire() throws Exception {
    String cookie = session();
    String csrf = csrfOf(get("/console/connections", cookie).body());

    HttpResponse<String> out = post("/console/logout", cookie, "csrf=" + csrf);
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(out.headers().firstValue("Set-Cookie"))
        .hasValueSatisfying(c -> assertThat(c).contains("Max-Age=0"));
    assertThat(get("/console/connections", cookie).statusCode()).isEqualTo(303);

    String idle = session();
    world.clock.advance(ConsoleSessions.IDLE.plus(Duration.ofSeconds(1)));
    assertThat(get("/console/connections", idle).statusCode()).isEqualTo(303);
  }

  @Test
  void theStylesheetIsServedForThePagesToLink() throws Exception {
    HttpResponse<String> css = get(Stylesheet.PATH, null);

    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
    assertThat(css.body()).contains("main{");
    assertThat(get("/console/login", null).body()).contains("href=\"" + Stylesheet.PATH + "\"");
  }
}
