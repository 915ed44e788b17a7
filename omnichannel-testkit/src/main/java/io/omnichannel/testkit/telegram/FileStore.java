package io.omnichannel.testkit.telegram;

import io.omnichannel.testkit.support.GeneratedContent;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * All files of one emulator, by file_id and by file_path. Kept bytes are capped in total; past the
 * cap the oldest files lose their bytes (downloading them then answers 404, like an expired link).
 */
final class FileStore {
  private final long byteCap;
  private final Map<String, StoredFile> byId = new ConcurrentHashMap<>();
  private final Map<String, StoredFile> byPath = new ConcurrentHashMap<>();
  private final ArrayDeque<StoredFile> withBytes = new ArrayDeque<>();
  private final AtomicLong counter = new AtomicLong(1000);
  private long storedBytes;

  FileStore(long byteCap) {
    this.byteCap = byteCap;
  }

  /** A file whose content is generated on download. */
  StoredFile declare(String folder, String extension, String fileName, String mimeType, long size) {
    return add(folder, extension, fileName, mimeType, size, null, null);
  }

  /** A file with known content (an upload, or bytes a scenario gives). */
  StoredFile store(
      String folder,
      String extension,
      String fileName,
      String mimeType,
      long size,
      String sha256,
      byte[] bytes) {
    return add(folder, extension, fileName, mimeType, size, sha256, bytes);
  }

  StoredFile byId(String fileId) {
    return byId.get(fileId);
  }

  StoredFile byPath(String path) {
    return byPath.get(path);
  }

  /** The content, or null when it was evicted. */
  InputStream open(StoredFile file) {
    byte[] bytes = file.bytes();
    if (bytes != null) {
      return new ByteArrayInputStream(bytes);
    }
    return file.isEvicted() ? null : new GeneratedContent(file.size, file.fileId.hashCode());
  }

  private StoredFile add(
      String folder,
      String extension,
      String fileName,
      String mimeType,
      long size,
      String sha256,
      byte[] bytes) {
    long n = counter.incrementAndGet();
    String fileId =
        "BQACAgIAAxkBAAE"
            + folder.substring(0, 2).toUpperCase(java.util.Locale.ROOT)
            + n
            + String.format("%08x", java.util.concurrent.ThreadLocalRandom.current().nextInt());
    String path = folder + "/file_" + n + (extension == null ? "" : "." + extension);
    StoredFile file =
        new StoredFile(fileId, "AgAD" + n, path, fileName, mimeType, size, sha256, bytes);
    byId.put(fileId, file);
    byPath.put(path, file);
    if (bytes != null) {
      keepWithinCap(file, bytes.length);
    } else if (sha256 != null) {
      file.evict(); // an upload larger than the byte cap: only its metadata and hash are kept
    }
    return file;
  }

  private synchronized void keepWithinCap(StoredFile file, long length) {
    withBytes.addLast(file);
    storedBytes += length;
    while (storedBytes > byteCap && !withBytes.isEmpty()) {
      StoredFile oldest = withBytes.removeFirst();
      byte[] dropped = oldest.bytes();
      if (dropped != null) {
        storedBytes -= dropped.length;
      }
      oldest.evict();
    }
  }
}
