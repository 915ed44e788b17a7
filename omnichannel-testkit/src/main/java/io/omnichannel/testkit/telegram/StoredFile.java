package io.omnichannel.testkit.telegram;

/**
 * A file the emulator can serve. {@code bytes} null means its content is generated on download
 * (declared size, deterministic filler) or was evicted by the byte cap ({@code evicted}).
 */
final class StoredFile {
  final String fileId;
  final String fileUniqueId;
  final String path;
  final String fileName;
  final String mimeType;
  final long size;
  final String sha256;
  private volatile byte[] bytes;
  private volatile boolean evicted;

  StoredFile(
      String fileId,
      String fileUniqueId,
      String path,
      String fileName,
      String mimeType,
      long size,
      String sha256,
      byte[] bytes) {
    this.fileId = fileId;
    this.fileUniqueId = fileUniqueId;
    this.path = path;
    this.fileName = fileName;
    this.mimeType = mimeType;
    this.size = size;
    this.sha256 = sha256;
    this.bytes = bytes;
  }

  byte[] bytes() {
    return bytes;
  }

  boolean hasStoredBytes() {
    return bytes != null;
  }

  boolean isEvicted() {
    return evicted;
  }

  void evict() {
    bytes = null;
    evicted = true;
  }

  SentFile toSentFile() {
    return new SentFile(fileId, fileName, mimeType, size, sha256);
  }
}
