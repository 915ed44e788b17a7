package io.omnichannel.launcher.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Generates the requests an attacker (or a broken client) sends, each from its own seed so any one
 * of them can be made again: bodies that are truncated, not JSON, of the wrong shape, nested too
 * deep, with numbers too large or bytes that are not UTF-8; headers that lie about the body or
 * contradict each other; traversal in paths and file names; wrong, missing and malformed
 * credentials; bodies over the limit, declared or chunked.
 */
final class MalformedRequests {
  /** One request as bytes, with the family it comes from (for counting and for reproducing). */
  record Request(String family, String target, byte[] bytes) {}

  /** What the attacker knows or guesses: the ids and credentials of the world under attack. */
  record Targets(
      String connectionId,
      String webhookSecret,
      String lineHookLogin,
      String lineHookPassword,
      String managementLogin,
      String managementPassword,
      String pendingLinkToken,
      String adminToken) {}

  private static final String[] TRAVERSALS = {
    "..%2f..%2f..%2fetc%2fpasswd",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "..%5c..%5cwindows%5cwin.ini",
    "%c0%ae%c0%ae%2f%c0%ae%c0%ae%2fetc%2fpasswd",
    "..;%2fadmin",
    "%252e%252e%252fadmin",
    "%00",
    "%0d%0aSet-Cookie:%20x=1",
    "%ef%bc%8e%ef%bc%8e%ef%bc%8fadmin",
    "..",
    "."
  };
  private static final List<String> METHODS =
      List.of("PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "CONNECT", "PROPFIND", "get");

  private final Targets targets;

  MalformedRequests(Targets targets) {
    this.targets = targets;
  }

  /** Request number {@code index} of the run seeded {@code seed}: the same pair, the same bytes. */
  Request request(long seed, int index) {
    Random random = new Random(seed * 1_000_003L + index);
    List<Function<Random, Request>> families =
        List.of(
            this::telegramHook,
            this::telegramHook,
            this::telegramHook,
            this::lineHook,
            this::lineHook,
            this::managementHook,
            this::managementHook,
            this::confirmation,
            this::confirmation,
            this::admin,
            this::operations,
            this::headerTricks,
            this::headerTricks,
            this::traversal,
            this::oversize);
    return families.get(random.nextInt(families.size())).apply(random);
  }

  // ---- endpoints ----

  private Request telegramHook(Random random) {
    String secret =
        pick(
            random,
            targets.webhookSecret(),
            targets.webhookSecret(),
            targets.webhookSecret(),
            null,
            "wrong",
            targets.webhookSecret() + " ",
            targets.webhookSecret().toUpperCase(java.util.Locale.ROOT));
    String connection = random.nextInt(6) == 0 ? junkPathValue(random) : targets.connectionId();
    String headers = secret == null ? "" : "X-Telegram-Bot-Api-Secret-Token: " + secret + "\r\n";
    return post(
        "telegram-hook",
        "/hooks/telegram/" + connection,
        headers,
        MalformedBodies.telegramUpdate(random));
  }

  private Request lineHook(Random random) {
    String connection = random.nextInt(6) == 0 ? junkPathValue(random) : targets.connectionId();
    return post(
        "line-hook",
        "/hooks/oneconnect/" + connection,
        authorization(random, targets.lineHookLogin(), targets.lineHookPassword()),
        MalformedBodies.lineEvent(random));
  }

  private Request managementHook(Random random) {
    return post(
        "management-hook",
        "/hooks/oneconnect/management",
        authorization(random, targets.managementLogin(), targets.managementPassword()),
        MalformedBodies.lineEvent(random));
  }

  private Request confirmation(Random random) {
    String token =
        pick(
            random,
            targets.pendingLinkToken(),
            targets.pendingLinkToken(),
            "no-such-link",
            junkPathValue(random),
            targets.pendingLinkToken() + "x");
    if (random.nextInt(4) == 0) {
      return get("confirmation-get", "/confirm/" + token, "");
    }
    String type =
        pick(
            random,
            "application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=utf-8",
            "application/x-www-form-urlencoded; charset=utf-7",
            "multipart/form-data; boundary=x",
            "application/json",
            "text/plain");
    return post(
        "confirmation-post",
        "/confirm/" + token,
        "Content-Type: " + type + "\r\n",
        MalformedBodies.form(random));
  }

  private Request admin(Random random) {
    String path =
        pick(
            random,
            "/admin",
            "/admin/connections",
            "/admin/connections/" + targets.connectionId() + "/accounts",
            "/admin/connections/" + junkPathValue(random) + "/accounts",
            "/admin/dead-letters",
            "/admin/audit?company=" + junkQueryValue(random),
            "/admin/audit",
            "/admin/" + junkPathValue(random));
    String bearer =
        pick(
            random,
            "Authorization: Bearer " + targets.adminToken() + "\r\n",
            "Authorization: Bearer " + targets.adminToken() + "\r\n",
            "Authorization: Bearer wrong\r\n",
            "Authorization: bearer " + targets.adminToken() + "\r\n",
            "Authorization: Basic " + base64("admin:" + targets.adminToken()) + "\r\n",
            "Authorization: Bearer\r\n",
            "");
    if (random.nextInt(5) == 0) {
      return raw(
          "admin-method",
          path,
          pick(random, METHODS.toArray(String[]::new))
              + " "
              + path
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
              + bearer
              + "Content-Length: 2\r\n\r\n{}");
    }
    return get("admin", path, bearer);
  }

  private Request operations(Random random) {
    String path =
        pick(random, "/health/live", "/health/ready", "/metrics", "/", "/favicon.ico", "/hooks")
            + (random.nextBoolean() ? "" : "?" + junkQueryValue(random));
    if (random.nextInt(3) == 0) {
      String method = pick(random, METHODS.toArray(String[]::new));
      return raw(
          "operations-method",
          path,
          method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    }
    return get("operations", path, junkHeader(random));
  }

  // ---- the transport ----

  private Request headerTricks(Random random) {
    String path = anyBodyPath(random);
    String credentials = credentialsFor(path);
    byte[] body =
        random.nextBoolean()
            ? MalformedBodies.telegramUpdate(random)
            : MalformedBodies.lineEvent(random);
    String start = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    int trick = random.nextInt(22);
    String text =
        switch (trick) {
          case 0 ->
              start
                  + credentials
                  + "Content-Length: "
                  + body.length
                  + "\r\nContent-Length: 3\r\n\r\n";
          case 1 -> start + credentials + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n";
          case 2 -> start + credentials + "Content-Length: -1\r\n\r\n";
          case 3 -> start + credentials + "Content-Length: 1e3\r\n\r\n";
          case 4 -> start + credentials + "Content-Length: 99999999999999999999\r\n\r\n";
          case 5 -> start + credentials + "Transfer-Encoding: gzip\r\n\r\n";
          case 6 -> start + credentials + "Transfer-Encoding: chunked, chunked\r\n\r\n";
          case 7 ->
              start + credentials + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n";
          case 8 ->
              start + credentials + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFF\r\nabc\r\n";
          case 9 ->
              start
                  + credentials
                  + "Transfer-Encoding: chunked\r\n\r\n5;ext=\"\r\n\"\r\nabcde\r\n0\r\n\r\n";
          case 10 -> start + credentials + "Transfer-Encoding: chunked\r\n\r\n10\r\nshort\r\n";
          case 11 -> start + credentials + "X-Folded: a\r\n  b\r\nContent-Length: 0\r\n\r\n";
          case 12 -> start + credentials + "No colon here\r\nContent-Length: 0\r\n\r\n";
          case 13 -> start + credentials + "X-Nul: a\0b\r\nContent-Length: 0\r\n\r\n";
          case 14 -> start + credentials + "X-Long: " + "a".repeat(20_000) + "\r\n\r\n";
          case 15 ->
              start + credentials + "X-Many: 1\r\n".repeat(300) + "Content-Length: 0\r\n\r\n";
          case 16 ->
              "POST "
                  + path
                  + " HTTP/1.1\r\nConnection: close\r\n"
                  + credentials
                  + "Content-Length: 0\r\n\r\n";
          case 17 -> "POST " + path + " HTTP/1.0\r\n" + credentials + "Content-Length: 0\r\n\r\n";
          case 18 -> "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
          case 19 ->
              "POST http://evil.example"
                  + path
                  + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n"
                  + credentials
                  + "Content-Length: 0\r\n\r\n";
          case 20 ->
              start
                  + credentials
                  + "Expect: 100-continue\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n";
          default -> start + credentials + "Content-Length: " + (body.length + 50) + "\r\n\r\n";
        };
    byte[] head = text.getBytes(StandardCharsets.ISO_8859_1);
    boolean withBody = trick == 0 || trick == 20 || trick == 21 || trick == 2 || trick == 3;
    return new Request("header-trick-" + trick, path, withBody ? concat(head, body) : head);
  }

  private Request traversal(Random random) {
    String prefix =
        pick(
            random,
            "/hooks/telegram/",
            "/hooks/oneconnect/",
            "/confirm/",
            "/admin/",
            "/",
            "/static/");
    String path = prefix + TRAVERSALS[random.nextInt(TRAVERSALS.length)];
    if (random.nextBoolean()) {
      return get("traversal-get", path, credentialsFor(prefix + "x"));
    }
    return post(
        "traversal-post",
        path,
        credentialsFor(prefix + "x"),
        MalformedBodies.telegramUpdate(random));
  }

  private Request oversize(Random random) {
    String path =
        pick(
            random,
            "/hooks/telegram/" + targets.connectionId(),
            "/hooks/oneconnect/" + targets.connectionId(),
            "/hooks/oneconnect/management",
            "/confirm/" + targets.pendingLinkToken());
    int size = (path.startsWith("/confirm") ? 8 << 10 : 1 << 20) + 1 + random.nextInt(1 << 19);
    byte[] body = new byte[size];
    java.util.Arrays.fill(body, (byte) '1');
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            + credentialsFor(path);
    if (random.nextBoolean()) {
      return new Request(
          "oversize-declared",
          path,
          concat(
              (head + "Content-Length: " + size + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1),
              body));
    }
    ByteArrayOutputStream chunked = new ByteArrayOutputStream();
    chunked.writeBytes(
        (head + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    for (int at = 0; at < size; at += 8192) {
      int length = Math.min(8192, size - at);
      chunked.writeBytes(
          (Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      chunked.write(body, at, length);
      chunked.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return new Request("oversize-chunked", path, chunked.toByteArray());
  }

  // ---- pieces ----

  private String authorization(Random random, String login, String password) {
    return switch (random.nextInt(10)) {
      case 0 -> "";
      case 1 -> "Authorization: Basic " + base64(login + ":wrong") + "\r\n";
      case 2 -> "Authorization: Basic !!!not-base64\r\n";
      case 3 -> "Authorization: Basic " + base64(login) + "\r\n";
      case 4 -> "Authorization: Bearer " + password + "\r\n";
      case 5 -> "Authorization: Basic " + base64("\u0000:\u0000") + "\r\n";
      case 6 -> "Authorization: Digest username=\"" + login + "\"\r\n";
      default -> "Authorization: Basic " + base64(login + ":" + password) + "\r\n";
    };
  }

  private String credentialsFor(String path) {
    if (path.startsWith("/hooks/telegram/")) {
      return "X-Telegram-Bot-Api-Secret-Token: " + targets.webhookSecret() + "\r\n";
    }
    if (path.startsWith("/hooks/oneconnect/management")) {
      return "Authorization: Basic "
          + base64(targets.managementLogin() + ":" + targets.managementPassword())
          + "\r\n";
    }
    if (path.startsWith("/hooks/oneconnect/")) {
      return "Authorization: Basic "
          + base64(targets.lineHookLogin() + ":" + targets.lineHookPassword())
          + "\r\n";
    }
    if (path.startsWith("/admin")) {
      return "Authorization: Bearer " + targets.adminToken() + "\r\n";
    }
    return "";
  }

  private String anyBodyPath(Random random) {
    return pick(
        random,
        "/hooks/telegram/" + targets.connectionId(),
        "/hooks/oneconnect/" + targets.connectionId(),
        "/hooks/oneconnect/management",
        "/confirm/" + targets.pendingLinkToken());
  }

  /** A path segment no id looks like: too long, control characters, encodings, unicode. */
  private static String junkPathValue(Random random) {
    return switch (random.nextInt(9)) {
      case 0 -> "c".repeat(65 + random.nextInt(3000));
      case 1 -> "x%0a[FAKE]%20log%20line";
      case 2 -> "%00";
      case 3 -> "%ff%fe";
      case 4 -> "%e2%80%ae" + "abc";
      case 5 -> "%20";
      case 6 -> Long.toString(random.nextLong());
      case 7 -> "%25%32%65";
      default -> TRAVERSALS[random.nextInt(TRAVERSALS.length)];
    };
  }

  private static String junkQueryValue(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> "c".repeat(1 + random.nextInt(4000));
      case 1 -> "%0d%0aX-Injected:%201";
      case 2 -> "%ff";
      case 3 -> "a&company=b&company=c";
      case 4 -> "%";
      default -> "'%20OR%201=1--";
    };
  }

  private static String junkHeader(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> "Accept: */*;q=NaN\r\n";
      case 1 -> "Accept-Encoding: gzip;q=2, br;q=-1, " + "x,".repeat(500) + "\r\n";
      case 2 -> "Range: bytes=0-1,-5,99999999999999999999-\r\n";
      case 3 -> "If-None-Match: " + "\"x\",".repeat(300) + "\r\n";
      case 4 -> "Cookie: " + "a=b; ".repeat(500) + "\r\n";
      default -> "X-Forwarded-For: 127.0.0.1, ::1, unknown\r\n";
    };
  }

  private static Request post(String family, String path, String headers, byte[] body) {
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
            + headers
            + "Content-Length: "
            + body.length
            + "\r\n\r\n";
    return new Request(family, path, concat(head.getBytes(StandardCharsets.ISO_8859_1), body));
  }

  private static Request get(String family, String path, String headers) {
    return raw(
        family,
        path,
        "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers + "\r\n");
  }

  private static Request raw(String family, String path, String text) {
    return new Request(family, path, text.getBytes(StandardCharsets.ISO_8859_1));
  }

  @SafeVarargs
  private static <T> T pick(Random random, T... options) {
    return options[random.nextInt(options.length)];
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] joined = new byte[first.length + second.length];
    System.arraycopy(first, 0, joined, 0, first.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    return joined;
  }
}
