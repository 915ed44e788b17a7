package io.omnichannel.telegram;

import io.omnichannel.core.domain.FileSource;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A file of any size made up on the fly (never in memory), which counts how often it was opened.
 */
final class GeneratedFile implements FileSource {
  final long size;
  final AtomicInteger opened = new AtomicInteger();

  GeneratedFile(long size) {
    this.size = size;
  }

  @Override
  public InputStream open() {
    opened.incrementAndGet();
    return stream();
  }

  private InputStream stream() {
    return new InputStream() {
      private long position;

      @Override
      public int read() {
        return position < size ? (int) (position++ * 31 % 251) : -1;
      }

      @Override
      public int read(byte[] buffer, int off, int len) {
        if (position >= size) {
          return -1;
        }
        int n = (int) Math.min(len, size - position);
        for (int i = 0; i < n; i++) {
          buffer[off + i] = (byte) (position++ * 31 % 251);
        }
        return n;
      }
    };
  }

  String sha256() {
    try (InputStream in = stream()) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
