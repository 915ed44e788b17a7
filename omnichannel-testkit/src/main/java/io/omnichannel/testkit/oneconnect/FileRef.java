package io.omnichannel.testkit.oneconnect;

import java.util.Objects;

/**
 * A file held by the emulator; {@code url} serves its bytes to API accounts that may act on its
 * line.
 */
public record FileRef(String fileId, String name, long size, String mime, String url) {
  public FileRef {
    Objects.requireNonNull(fileId, "fileId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mime, "mime");
    Objects.requireNonNull(url, "url");
  }
}
