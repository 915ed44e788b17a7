package io.omnichannel.sandbox.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.testkit.telegram.BotInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person's browser, the gateway's administrator and a Prometheus scraper do with the
 * gateway: pages and forms, the admin API with its bearer token, counters from /metrics.
 */
public final class GatewayHttp {
  public static final String RELAYED = "omnichannel_relayed_total";
  public static final String DROPPED = "omnichannel_dropped_total";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern HEADLINE = Pattern.compile("<h1[^>]*>(.*?)</h1>", Pattern.DOTALL);
  private static final Pattern PARAGRAPH = Pattern.compile("<p[^>]*>(.*?)</p>", Pattern.DOTALL);
  private static final HttpResponse.BodyHandler<String> UTF_8 =
      HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);

  private final URI base;
  private final String adminToken;
  private final Duration timeout;
  private final HttpClient http;

  /**
   * @param base where the gateway serves, e.g. {@code http://127.0.0.1:8080}
   * @param adminToken the bearer token of its admin API
   * @param timeout how long one request, or one wait for a counter or a state, may take
   */
  public GatewayHttp(URI base, String adminToken, Duration timeout) {
    this.base = base;
    this.adminToken = adminToken;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** The same calls to another instance of the gateway (same admin token). */
  public GatewayHttp at(URI instance) {
    return new GatewayHttp(instance, adminToken, timeout);
  }

  public URI base() {
    return base;
  }

  /** A page as it came back. */
  public record Page(int status, String body, HttpHeaders headers) {
    /** The page's {@code <h1>}. */
    public String headline() {
      Matcher headline = HEADLINE.matcher(body);
      return headline.find() ? "«" + plain(headline.group(1)) + "»" : "(без заголовка)";
    }

    /** The headline and the first paragraph holding the word (or the first paragraph). */
    public String sentence(String word) {
      List<String> paragraphs = paragraphs();
      String said =
          paragraphs.stream()
              .filter(p -> p.contains(word))
              .findFirst()
              .orElse(paragraphs.isEmpty() ? "" : paragraphs.get(0));
      return headline() + (said.isEmpty() ? "" : " " + said);
    }

    public String summary() {
      return "HTTP " + status + ", page " + sentence("");
    }

    private List<String> paragraphs() {
      List<String> found = new ArrayList<>();
      Matcher paragraph = PARAGRAPH.matcher(body);
      while (paragraph.find()) {
        found.add(plain(paragraph.group(1)));
      }
      return found;
    }

    private static String plain(String html) {
      return html.replaceAll("<[^>]+>", " ")
          .replace("&laquo;", "«")
          .replace("&raquo;", "»")
          .replace("&quot;", "\"")
          .replace("&#34;", "\"")
          .replace("&#39;", "'")
          .replace("&lt;", "<")
          .replace("&gt;", ">")
          .replace("&amp;", "&")
          .replaceAll("\\s+", " ")
          .strip();
    }
  }

  public Page get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).build());
  }

  /** Submits the confirmation page's form with an API account. */
  public Page submit(String url, String login, String password) {
    return send(form(url, login, password));
  }

  /** The same, without waiting: for confirmations that race each other. */
  public CompletableFuture<Page> submitAsync(String url, String login, String password) {
    return http.sendAsync(form(url, login, password), UTF_8).thenApply(GatewayHttp::page);
  }

  /** A JSON answer of the admin API; anything but HTTP 200 fails. */
  public JsonNode admin(String path) {
    Page answer = withAdminToken(path);
    if (answer.status() != 200) {
      throw new AssertionError(
          "GET " + path + " answered HTTP " + answer.status() + ": " + answer.body());
    }
    try {
      return JSON.readTree(answer.body());
    } catch (IOException unreadable) {
      throw new UncheckedIOException("GET " + path + " answered no JSON", unreadable);
    }
  }

  public JsonNode adminConnections() {
    return admin("/admin/connections");
  }

  /** The bot's active connection as {@code /admin/connections} shows it. */
  public Optional<JsonNode> adminConnection(BotInfo bot) {
    return adminConnection(bot.username());
  }

  /** The active connection of the bot {@code @username} (any messenger). */
  public Optional<JsonNode> adminConnection(String username) {
    for (JsonNode connection : adminConnections()) {
      if (connection.path("bot").asText().equals("@" + username)) {
        return Optional.of(connection);
      }
    }
    return Optional.empty();
  }

  /** The Telegram users and groups of the bot's connection (F14). */
  public JsonNode adminAccounts(BotInfo bot) {
    return adminAccounts(bot.username());
  }

  /** The users and groups of the connection of the bot {@code @username} (any messenger). */
  public JsonNode adminAccounts(String username) {
    JsonNode connection =
        adminConnection(username)
            .orElseThrow(
                () ->
                    new AssertionError("no connection of @" + username + " in /admin/connections"));
    return admin("/admin/connections/" + connection.path("id").asText() + "/accounts");
  }

  /** Waits until {@code /admin/connections} shows the bot's connection in {@code state}. */
  public void awaitAdminState(BotInfo bot, String state) {
    Await.until(
        () ->
            adminConnection(bot)
                .map(connection -> connection.path("state").asText().equals(state))
                .orElse(false),
        timeout,
        "@" + bot.username() + " in state " + state + " at " + base + "/admin/connections");
  }

  /**
   * Waits until the bot's accounts in {@code /admin} show the account named {@code name} with a ban
   * the gateway has recorded ({@code banned_since}), or without one: bans are learnt from
   * 1C-Connect's events, a moment after the line was switched.
   */
  public void awaitBanRecorded(BotInfo bot, String name, boolean banned) {
    awaitBanRecorded(bot.username(), name, banned);
  }

  /** {@link #awaitBanRecorded(BotInfo, String, boolean)} for the bot {@code @username}. */
  public void awaitBanRecorded(String username, String name, boolean banned) {
    Await.until(
        () -> banRecorded(username, name) == banned,
        timeout,
        name + (banned ? " recorded as banned" : " no longer recorded as banned"));
  }

  private boolean banRecorded(String username, String name) {
    for (JsonNode account : adminAccounts(username)) {
      if (account.path("name").asText().equals(name)) {
        return !account.path("banned_since").isNull()
            && !account.path("banned_since").isMissingNode();
      }
    }
    throw new AssertionError("no account " + name + " of @" + username);
  }

  /**
   * A counter from {@code /metrics} (Prometheus text), summed over the series having all the given
   * label pairs ({@code "direction", "to_line", …}).
   */
  public double metric(String name, String... labels) {
    double sum = 0;
    for (String line : withAdminToken("/metrics").body().split("\n")) {
      if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
        continue;
      }
      boolean all = true;
      for (int i = 0; i + 1 < labels.length; i += 2) {
        all &= line.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
      }
      if (all) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  /**
   * Waits until the counter reaches {@code atLeast}, for what no emulator can show, such as a
   * message the gateway dropped; returns its value.
   */
  public double awaitMetric(double atLeast, String name, String... labels) {
    return Await.until(
        () -> Optional.of(metric(name, labels)).filter(value -> value >= atLeast),
        timeout,
        name + " " + String.join(",", labels) + " ≥ " + atLeast + " in " + base + "/metrics");
  }

  private HttpRequest form(String url, String login, String password) {
    String form =
        "login="
            + URLEncoder.encode(login, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
  }

  /** A GET with the admin token: the admin API, and /metrics on the public port. */
  private Page withAdminToken(String path) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(timeout)
            .header("Authorization", "Bearer " + adminToken)
            .build());
  }

  private Page send(HttpRequest request) {
    try {
      return page(http.send(request, UTF_8));
    } catch (IOException failed) {
      throw new UncheckedIOException(
          request.method() + " " + request.uri() + ": " + failed.getMessage(), failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "interrupted during " + request.method() + " " + request.uri(), interrupted);
    }
  }

  private static Page page(HttpResponse<String> response) {
    return new Page(response.statusCode(), response.body(), response.headers());
  }
}
