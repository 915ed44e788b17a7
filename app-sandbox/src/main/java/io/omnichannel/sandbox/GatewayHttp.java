package io.omnichannel.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a person's browser and a Prometheus scraper do with the gateway: pages, forms, metrics. */
final class GatewayHttp {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern HEADLINE = Pattern.compile("<h1[^>]*>(.*?)</h1>", Pattern.DOTALL);
  private static final Pattern PARAGRAPH = Pattern.compile("<p[^>]*>(.*?)</p>", Pattern.DOTALL);

  private final URI base;
  private final Duration timeout;
  private final HttpClient http;

  GatewayHttp(URI base, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** A page as it came back. */
  record Page(int status, String body) {
    /** The page's {@code <h1>}. */
    String headline() {
      Matcher headline = HEADLINE.matcher(body);
      return headline.find() ? "«" + plain(headline.group(1)) + "»" : "(без заголовка)";
    }

    /** The headline and the first paragraph holding the word (or the first paragraph). */
    String sentence(String word) {
      List<String> paragraphs = paragraphs();
      String said =
          paragraphs.stream()
              .filter(p -> p.contains(word))
              .findFirst()
              .orElse(paragraphs.isEmpty() ? "" : paragraphs.get(0));
      return headline() + (said.isEmpty() ? "" : " " + said);
    }

    String summary() {
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

  Page get(String url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(timeout).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Page(response.statusCode(), response.body());
  }

  Page submit(String url, String login, String password) throws IOException, InterruptedException {
    String form =
        "login="
            + URLEncoder.encode(login, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Page(response.statusCode(), response.body());
  }

  /** A JSON answer of the admin API, with the bearer token. */
  JsonNode admin(String path, String token) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + " answered HTTP " + response.statusCode());
    }
    return JSON.readTree(response.body());
  }

  double relayed(String direction) {
    return counter("omnichannel_relayed_total", direction);
  }

  double dropped(String direction) {
    return counter("omnichannel_dropped_total", direction);
  }

  void awaitMetric(BooleanSupplier reached, String what) {
    Await.until(
        () -> reached.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty(),
        timeout,
        what + " in " + base + "/metrics");
  }

  /** The sum of a counter's series with the given direction label, read from /metrics. */
  private double counter(String name, String direction) {
    String metrics;
    try {
      metrics = get(base + "/metrics").body();
    } catch (IOException failed) {
      throw new IllegalStateException(
          "cannot read " + base + "/metrics: " + failed.getMessage(), failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading /metrics", interrupted);
    }
    double sum = 0;
    for (String line : metrics.split("\n")) {
      if (line.startsWith(name + "{") && line.contains("direction=\"" + direction + "\"")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }
}
