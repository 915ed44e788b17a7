package io.omnichannel.testkit.telegram;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLConnection;
import java.util.Iterator;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Resolves the file parameter of sendPhoto/sendDocument: an upload, "attach://name", or a file_id.
 */
final class OutgoingFiles {
  static final long PHOTO_UPLOAD_LIMIT = 10L * 1024 * 1024;
  static final long DOCUMENT_UPLOAD_LIMIT = 50L * 1024 * 1024;

  private final FileStore files;

  OutgoingFiles(FileStore files) {
    this.files = files;
  }

  /**
   * Checks the file parameter now (413, unknown file_id) and returns how to obtain the file; an
   * upload is stored only when the send is accepted, so a 429 stores nothing.
   */
  Supplier<StoredFile> resolve(RequestParams params, String name, long uploadLimit, String folder) {
    UploadedFile upload = params.file(name);
    String reference = params.string(name);
    if (upload == null && reference != null && reference.startsWith("attach://")) {
      upload = params.file(reference.substring("attach://".length()));
    }
    if (upload != null) {
      if (upload.size() > uploadLimit) {
        throw ApiError.tooLarge();
      }
      if (upload.size() == 0) {
        throw ApiError.badRequest("file must be non-empty");
      }
      UploadedFile accepted = upload;
      return () ->
          files.store(
              folder,
              extension(accepted.fileName()),
              accepted.fileName(),
              mimeType(accepted),
              accepted.size(),
              accepted.sha256(),
              accepted.bytes());
    }
    if (reference == null || reference.isEmpty()) {
      throw ApiError.badRequest("there is no " + name + " in the request");
    }
    if (reference.startsWith("http://") || reference.startsWith("https://")) {
      throw ApiError.badRequest("failed to get HTTP URL content");
    }
    StoredFile known = files.byId(reference);
    if (known == null) {
      throw ApiError.badRequest("wrong file identifier/HTTP URL specified");
    }
    return () -> known;
  }

  /** Width and height read from the image header; a plausible default when it is no image. */
  static int[] dimensions(StoredFile file) {
    byte[] bytes = file.bytes();
    if (bytes != null) {
      try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
        Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
        if (readers != null && readers.hasNext()) {
          ImageReader reader = readers.next();
          try {
            reader.setInput(in);
            return new int[] {reader.getWidth(0), reader.getHeight(0)};
          } finally {
            reader.dispose();
          }
        }
      } catch (IOException | RuntimeException notAnImage) {
        // fall through to the default
      }
    }
    return new int[] {1280, 960};
  }

  private static String mimeType(UploadedFile upload) {
    String guessed =
        upload.fileName() == null
            ? null
            : URLConnection.guessContentTypeFromName(upload.fileName());
    if (guessed != null) {
      return guessed;
    }
    String declared = upload.contentType();
    return declared == null || declared.isBlank() ? "application/octet-stream" : declared;
  }

  private static String extension(String fileName) {
    if (fileName == null || fileName.lastIndexOf('.') < 0) {
      return null;
    }
    return fileName.substring(fileName.lastIndexOf('.') + 1);
  }
}
