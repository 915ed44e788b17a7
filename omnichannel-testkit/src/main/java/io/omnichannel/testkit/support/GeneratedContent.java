package io.omnichannel.testkit.support;

import java.io.InputStream;

/** Deterministic filler of a declared size, so a 20 MB "photo" costs no memory until downloaded. */
public final class GeneratedContent extends InputStream {
  private final long size;
  private final int seed;
  private long position;

  public GeneratedContent(long size, int seed) {
    this.size = size;
    this.seed = seed;
  }

  @Override
  public int read() {
    if (position >= size) {
      return -1;
    }
    return byteAt(position++);
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (position >= size) {
      return -1;
    }
    int count = (int) Math.min(length, size - position);
    for (int i = 0; i < count; i++) {
      buffer[offset + i] = (byte) byteAt(position++);
    }
    return count;
  }

  private int byteAt(long index) {
    return (int) ((index * 31 + seed) & 0xFF);
  }
}
