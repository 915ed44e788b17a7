package io.omnichannel.core.domain;

import java.io.IOException;
import java.io.InputStream;

/** Opens a file's bytes as a stream, when they are needed and not before; the caller closes it. */
@FunctionalInterface
public interface FileSource {
  InputStream open() throws IOException;
}
