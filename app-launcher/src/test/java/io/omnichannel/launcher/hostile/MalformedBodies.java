package io.omnichannel.launcher.hostile;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Bodies gone wrong, for {@link MalformedRequests}: Telegram updates and 1C-Connect events that are
 * truncated, not JSON, of the wrong shape, nested too deep, with numbers too large, ids too long or
 * bytes that are not UTF-8, file names that climb out of a folder; forms with broken escapes.
 */
final class MalformedBodies {
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

  private MalformedBodies() {}

  /**
   * A Telegram update gone wrong. Rarely (1 in 50) a well-formed one with a fresh update id, so the
   * suite also stores some and the workers meet odd but valid content.
   */
  static byte[] telegramUpdate(Random random) {
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
  static byte[] lineEvent(Random random) {
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
  static byte[] form(Random random) {
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
}
