package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** PhotoSize objects. */
final class PhotoSizes {
  private PhotoSizes() {}

  static ObjectNode json(StoredFile file, int width, int height) {
    ObjectNode size = Json.object();
    size.put("file_id", file.fileId);
    size.put("file_unique_id", file.fileUniqueId);
    size.put("file_size", file.size);
    size.put("width", width);
    size.put("height", height);
    return size;
  }
}
