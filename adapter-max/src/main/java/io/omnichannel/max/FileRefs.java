package io.omnichannel.max;

import io.omnichannel.core.domain.FileRef;
import java.net.URI;
import java.util.OptionalLong;

/**
 * A MAX attachment as the core's {@link FileRef}: MAX has no {@code getFile}, an incoming
 * attachment carries its download URL, and only a {@code file} carries its size. The reference
 * keeps both, as {@code <size or ->|<url>}, so the size is known before any byte is read.
 */
final class FileRefs {
  private FileRefs() {}

  record Parsed(OptionalLong declaredSize, URI url) {}

  static FileRef of(OptionalLong size, String url) {
    URI parsed = URI.create(url);
    if (!"https".equalsIgnoreCase(parsed.getScheme())
        && !"http".equalsIgnoreCase(parsed.getScheme())) {
      throw new IllegalArgumentException("an attachment URL is http(s)");
    }
    return new FileRef((size.isPresent() ? Long.toString(size.getAsLong()) : "-") + "|" + url);
  }

  static Parsed parse(FileRef ref) {
    String value = ref.value();
    int bar = value.indexOf('|');
    if (bar < 0) {
      throw new IllegalArgumentException("not a MAX file reference");
    }
    String size = value.substring(0, bar);
    URI url = URI.create(value.substring(bar + 1));
    if (!"https".equalsIgnoreCase(url.getScheme()) && !"http".equalsIgnoreCase(url.getScheme())) {
      throw new IllegalArgumentException("not a MAX file reference");
    }
    try {
      return new Parsed(
          "-".equals(size) ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(size)), url);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a MAX file reference");
    }
  }
}
