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
  private static final String[] FILE_NAMES = {
    "../../../../etc/passwd",
    "..\\\\..\\\\boot.ini",
    "/etc/shadow",
    "C:\\\\Windows\\\\system.ini",
    "\\u0000.txt",
    "a\\nb.txt",
    "%2e%2e%2fsecret",
    "con",
    ".htaccess",
    "\\u202egnp.exe"
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
    return post("telegram-hook", "/hooks/telegram/" + connection, headers, telegramBody(random));
  }

  private Request lineHook(Random random) {
    String connection = random.nextInt(6) == 0 ? junkPathValue(random) : targets.connectionId();
    return post(
        "line-hook",
        "/hooks/oneconnect/" + connection,
        authorization(random, targets.lineHookLogin(), targets.lineHookPassword()),
        lineEventBody(random));
  }

  private Request managementHook(Random random) {
    return post(
        "management-hook",
        "/hooks/oneconnect/management",
        authorization(random, targets.managementLogin(), targets.managementPassword()),
        lineEventBody(random));
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
        "confirmation-post", "/confirm/" + token, "Content-Type: " + type + "\r\n", form(random));
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
    byte[] body = random.nextBoolean() ? telegramBody(random) : lineEventBody(random);
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
    return post("traversal-post", path, credentialsFor(prefix + "x"), telegramBody(random));
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

  // ---- bodies ----

  /**
   * A Telegram update gone wrong. Rarely (1 in 50) a well-formed one with a fresh update id, so the
   * suite also stores some and the workers meet odd but valid content.
   */
  private byte[] telegramBody(Random random) {
    long updateId = 1_000_000L + random.nextInt(1_000_000_000);
    long chat = 5_000_000L + random.nextInt(1_000);
    String message =
        "{\"message_id\":"
            + random.nextInt(1000)
            + ",\"date\":1700000000,\"chat\":{\"id\":"
            + chat
            + ",\"type\":\"private\",\"first_name\":\"Fuzz\"},\"from\":{\"id\":"
            + chat
            + ",\"is_bot\":false,\"first_name\":\"Fuzz\"},\"text\":\"hello\"}";
    String valid = "{\"update_id\":" + updateId + ",\"message\":" + message + "}";
    int shape = random.nextInt(50);
    String text =
        switch (shape) {
          case 0 -> valid;
          case 1 ->
              "{\"update_id\":"
                  + updateId
                  + ",\"message\":"
                  + message.replace(
                      "\"text\":\"hello\"",
                      "\"document\":{\"file_id\":\"f"
                          + updateId
                          + "\",\"file_unique_id\":\"u\",\"file_name\":\""
                          + FILE_NAMES[random.nextInt(FILE_NAMES.length)]
                          + "\",\"file_size\":10}")
                  + "}";
          case 2 -> "{\"update_id\":\"" + updateId + "\",\"message\":" + message + "}";
          case 3 -> "{\"update_id\":" + updateId + ".5,\"message\":" + message + "}";
          case 4 -> "{\"update_id\":1" + "0".repeat(300) + ",\"message\":" + message + "}";
          case 5 -> "{\"update_id\":1e400,\"message\":" + message + "}";
          case 6 -> "{\"update_id\":-9223372036854775809,\"message\":" + message + "}";
          case 7 -> "{\"update_id\":" + updateId + ",\"message\":[1,2,3]}";
          case 8 -> "{\"update_id\":" + updateId + ",\"message\":{\"chat\":{\"id\":{}}}}";
          case 9 -> "{\"update_id\":" + updateId + ",\"message\":{\"chat\":{\"id\":\"\"}}}";
          case 10 ->
              "{\"update_id\":"
                  + updateId
                  + ",\"callback_query\":{\"message\":{\"chat\":{\"id\":[]}}}}";
          case 11 ->
              "{\"update_id\":"
                  + updateId
                  + ",\"message\":{\"chat\":{\"id\":\""
                  + "9".repeat(400)
                  + "\"}}}";
          case 12 ->
              "{\"update_id\":"
                  + updateId
                  + ",\"message\":"
                  + message.replace("\"hello\"", "\"" + "я".repeat(200_000) + "\"")
                  + "}";
          case 13 -> "[".repeat(5_000 + random.nextInt(50_000));
          case 14 ->
              "{\"update_id\":"
                  + updateId
                  + ",\"message\":"
                  + "{\"a\":".repeat(3_000)
                  + "1"
                  + "}".repeat(3_000)
                  + "}";
          case 15 ->
              "{\"update_id\":"
                  + updateId
                  + ",\"update_id\":"
                  + (updateId + 1)
                  + ",\"message\":"
                  + message
                  + "}";
          case 16 -> "\uFEFF" + valid;
          case 17 -> valid + "garbage";
          case 18 -> "{'update_id':" + updateId + "}";
          case 19 -> "{\"update_id\":NaN}";
          case 20 -> "{\"update_id\":" + updateId + " /* comment */}";
          case 21 -> "";
          case 22 -> "null";
          case 23 -> "[]";
          case 24 -> "\"update\"";
          case 25 -> "12345";
          case 26 ->
              "{\"update_id\":"
                  + updateId
                  + ",\"message\":{\"chat\":{\"id\":"
                  + chat
                  + ",\"type\":\"private\"},\"text\":"
                  + random.nextInt()
                  + ",\"date\":\"yesterday\",\"message_id\":{}}}";
          case 27 ->
              "{\"update_id\":"
                  + updateId
                  + ",\"message\":{\"chat\":{\"id\":"
                  + chat
                  + "},\"from\":{\"id\":\"abc\"},\"text\":null}}";
          case 28 ->
              "{\"update_id\":"
                  + updateId
                  + ",\"my_chat_member\":{\"chat\":{\"id\":"
                  + chat
                  + ",\"type\":\"private\"},\"new_chat_member\":{\"status\":42}}}";
          case 29 ->
              "{\"update_id\":"
                  + updateId
                  + ",\"message\":{\"chat\":{\"id\":"
                  + chat
                  + ",\"type\":\"supergroup\"},\"photo\":[{\"file_id\":null,\"file_size\":-1}]}}";
          default -> null;
        };
    if (text != null) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    return corrupt(random, valid.getBytes(StandardCharsets.UTF_8));
  }

  /** A 1C-Connect hook event gone wrong; rarely (1 in 50) a well-formed one with a fresh id. */
  private byte[] lineEventBody(Random random) {
    String messageId = "fuzz-" + Long.toHexString(random.nextLong());
    String user = "user-" + random.nextInt(1000);
    String valid =
        "{\"message_id\":\""
            + messageId
            + "\",\"user_id\":\""
            + user
            + "\",\"line_id\":\"line-x\",\"author_id\":\""
            + user
            + "\",\"message_type\":1,\"text\":\"hi\"}";
    int shape = random.nextInt(50);
    String text =
        switch (shape) {
          case 0 -> valid;
          case 1 ->
              valid.replace(
                  "\"message_type\":1",
                  "\"message_type\":70,\"file\":{\"url\":\"file:///etc/passwd\",\"name\":\""
                      + FILE_NAMES[random.nextInt(FILE_NAMES.length)]
                      + "\",\"size\":1}");
          case 2 -> valid.replace(messageId, "m".repeat(100_000));
          case 3 ->
              valid.replace(
                  "\"" + user + "\",\"line_id\"", "\"" + "u".repeat(500) + "\",\"line_id\"");
          case 4 -> valid.replace("\"" + messageId + "\"", "12345");
          case 5 -> valid.replace("\"" + messageId + "\"", "{\"id\":1}");
          case 6 -> valid.replace("\"" + messageId + "\"", "\"   \"");
          case 7 -> valid.replace("\"message_type\":1", "\"message_type\":1" + "0".repeat(400));
          case 8 -> valid.replace("\"message_type\":1", "\"message_type\":\"text\"");
          case 9 ->
              valid.replace("\"hi\"", "{\"nested\":" + "[".repeat(2000) + "]".repeat(2000) + "}");
          case 10 -> "{\"message_id\":\"" + messageId + "\"}";
          case 11 -> "{\"user_id\":\"" + user + "\"}";
          case 12 -> "{}";
          case 13 -> "[" + valid + "]";
          case 14 -> valid.substring(0, random.nextInt(valid.length()));
          case 15 -> "{".repeat(10_000 + random.nextInt(20_000));
          case 16 -> valid.replace("line-x", "../../" + "x".repeat(random.nextInt(100)));
          case 17 -> valid.replace("\"hi\"", "\"" + "\\ud800".repeat(100) + "\"");
          case 18 -> valid.replace(messageId, messageId + "\\n[FAKE] admin logged in");
          case 19 -> "";
          default -> null;
        };
    if (text != null) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    return corrupt(random, valid.getBytes(StandardCharsets.UTF_8));
  }

  /** A confirmation form gone wrong: bad escapes, bytes that are not UTF-8, odd fields. */
  private byte[] form(Random random) {
    String form =
        switch (random.nextInt(14)) {
          case 0 -> "login=api&password=%zz";
          case 1 -> "login=%C3%28&password=%FF%FE";
          case 2 -> "login=" + "a".repeat(7_000) + "&password=p";
          case 3 -> "login&password";
          case 4 -> "=&=&&&==";
          case 5 -> "login=a&login=b&password=c&password=d";
          case 6 -> "login=%00&password=%0d%0a";
          case 7 -> "login=" + "%".repeat(100);
          case 8 -> "password=only";
          case 9 -> "login=admin'--&password=' OR '1'='1";
          case 10 -> "login=<script>alert(1)</script>&password=x";
          case 11 -> "";
          case 12 -> "{\"login\":\"a\",\"password\":\"b\"}";
          default -> null;
        };
    if (form != null) {
      return form.getBytes(StandardCharsets.UTF_8);
    }
    return corrupt(random, "login=api-user&password=secret".getBytes(StandardCharsets.UTF_8));
  }

  /** Cuts, flips or splices bytes that are not UTF-8 into a body. */
  private static byte[] corrupt(Random random, byte[] body) {
    byte[] copy = body.clone();
    switch (random.nextInt(4)) {
      case 0 -> {
        return java.util.Arrays.copyOf(copy, random.nextInt(copy.length));
      }
      case 1 -> {
        for (int i = 0; i < 1 + random.nextInt(8); i++) {
          copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
      }
      case 2 -> {
        byte[][] invalid = {
          {(byte) 0xC3, 0x28},
          {(byte) 0xFF},
          {(byte) 0xC0, (byte) 0xAF},
          {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
          {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
          {0}
        };
        int at = random.nextInt(copy.length);
        byte[] bad = invalid[random.nextInt(invalid.length)];
        byte[] spliced = new byte[copy.length + bad.length];
        System.arraycopy(copy, 0, spliced, 0, at);
        System.arraycopy(bad, 0, spliced, at, bad.length);
        System.arraycopy(copy, at, spliced, at + bad.length, copy.length - at);
        return spliced;
      }
      default -> {
        byte[] noise = new byte[random.nextInt(4096)];
        random.nextBytes(noise);
        return noise;
      }
    }
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
