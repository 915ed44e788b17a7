package io.omnichannel.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A printed {@code curl} line, as a shell would split it ({@code 'single quotes'} group), executed
 * in Java: the test needs no curl on the machine, and runs exactly what was printed.
 */
record CurlLine(String method, URI url, Map<String, String> headers, String body) {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static CurlLine parse(String line) {
    List<String> words = words(line);
    if (words.isEmpty() || !words.get(0).equals("curl")) {
      throw new IllegalArgumentException("not a curl line: " + line);
    }
    String method = null;
    String url = null;
    String body = null;
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < words.size(); i++) {
      String word = words.get(i);
      switch (word) {
        case "-X" -> method = words.get(++i);
        case "-H" -> {
          String header = words.get(++i);
          int colon = header.indexOf(':');
          headers.put(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
        }
        case "-d" -> body = words.get(++i);
        default -> {
          if (word.startsWith("-") || url != null) {
            throw new IllegalArgumentException("unexpected «" + word + "» in: " + line);
          }
          url = word;
        }
      }
    }
    if (url == null) {
      throw new IllegalArgumentException("no URL in: " + line);
    }
    if (method == null) {
      method = body == null ? "GET" : "POST";
    }
    return new CurlLine(method, URI.create(url), headers, body);
  }

  /** Splits on spaces outside single quotes; quotes group and are dropped, as sh does. */
  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean inWord = false;
    for (char c : line.strip().toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
        inWord = true;
      } else if (c == ' ' && !quoted) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unbalanced quote in: " + line);
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  HttpResponse<String> execute() throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
