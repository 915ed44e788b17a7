package io.omnichannel.oneconnect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The real-shaped fixtures under {@code src/test/resources/oneconnect} (see their README). */
final class Fixtures {
  static final String LINE = "a1000000-0000-4000-8000-000000000001";
  static final String USER = "b2000000-0000-4000-8000-000000000002";
  static final String SPECIALIST = "c3000000-0000-4000-8000-000000000003";

  private Fixtures() {}

  static byte[] bytes(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/oneconnect/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8).strip();
  }

  static String event(String name) {
    return text("events/" + name + ".json");
  }
}
