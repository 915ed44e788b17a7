package io.omnichannel.launcher.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A secret read from a file ({@code OMNICHANNEL_…_FILE}, as Docker and Kubernetes secrets are
 * mounted): the whole file, read within a bound, without the one trailing newline editors and
 * {@code echo} add. Failures name the file, never what is in it.
 */
final class SecretFile {
  /** A password, a token or a key fits many times over; more is the wrong file. */
  static final int MAX_BYTES = 64 * 1024;

  private SecretFile() {}

  /** The secret, or throws {@link Unusable} saying why the file cannot be one. */
  static String read(Path path) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException unreadable) {
      throw new Unusable(
          "cannot read " + path + " (" + unreadable.getClass().getSimpleName() + ")");
    }
    if (bytes.length > MAX_BYTES) {
      throw new Unusable(path + " is larger than " + MAX_BYTES / 1024 + " KiB: not a secret file");
    }
    String secret = withoutTrailingNewline(new String(bytes, StandardCharsets.UTF_8));
    if (secret.isEmpty()) {
      throw new Unusable(path + " is empty");
    }
    return secret;
  }

  private static String withoutTrailingNewline(String text) {
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    if (text.endsWith("\n")) {
      return text.substring(0, text.length() - 1);
    }
    return text;
  }

  /** Why a file cannot serve as the secret; the message names the file only. */
  static final class Unusable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unusable(String reason) {
      super(reason);
    }
  }
}
