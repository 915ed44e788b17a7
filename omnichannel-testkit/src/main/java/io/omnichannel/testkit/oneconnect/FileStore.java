package io.omnichannel.testkit.oneconnect;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * File bytes sent or received through the emulator, capped at {@link
 * OneConnectEmulatorConfig#maxStoredFileBytes()} in total: the least recently used bytes are
 * evicted first (their download then answers 404); the metadata of every file is kept.
 */
final class FileStore {
  record StoredFile(FileRef ref, String lineId, byte[] bytes) {}

  private final long capBytes;
  private final Supplier<String> restBaseUrl;
  private final LinkedHashMap<String, StoredFile> withBytes = new LinkedHashMap<>(16, 0.75f, true);
  private final Map<String, String> lineOfFile = new HashMap<>();
  private long storedBytes;

  FileStore(long capBytes, Supplier<String> restBaseUrl) {
    this.capBytes = capBytes;
    this.restBaseUrl = restBaseUrl;
  }

  synchronized FileRef put(String lineId, String name, String mime, byte[] bytes) {
    String id = UUID.randomUUID().toString();
    FileRef ref = new FileRef(id, name, bytes.length, mime, restBaseUrl.get() + "file/" + id + "/");
    lineOfFile.put(id, lineId);
    if (bytes.length <= capBytes) {
      withBytes.put(id, new StoredFile(ref, lineId, bytes));
      storedBytes += bytes.length;
      evictOverCap();
    }
    return ref;
  }

  synchronized Optional<StoredFile> get(String fileId) {
    return Optional.ofNullable(withBytes.get(fileId));
  }

  synchronized Optional<String> lineOf(String fileId) {
    return Optional.ofNullable(lineOfFile.get(fileId));
  }

  private void evictOverCap() {
    var oldest = withBytes.entrySet().iterator();
    while (storedBytes > capBytes && oldest.hasNext()) {
      storedBytes -= oldest.next().getValue().bytes().length;
      oldest.remove();
    }
  }
}
