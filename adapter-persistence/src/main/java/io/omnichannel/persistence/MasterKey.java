package io.omnichannel.persistence;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit AES key and its id (a fingerprint of the key, so it can be stored beside each
 * ciphertext).
 */
record MasterKey(String id, SecretKey key) {
  static final String FILE_NAME = "master.key";
  private static final int KEY_BYTES = 32;

  static MasterKey fromBase64(String field, String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " is not base64");
    }
    checkArgument(
        bytes.length == KEY_BYTES,
        "%s must be %s bytes (base64 of a 256-bit key)",
        field,
        KEY_BYTES);
    String id = "k" + Hashing.sha256().hashBytes(bytes).toString().substring(0, 12);
    return new MasterKey(id, new SecretKeySpec(bytes, "AES"));
  }

  /**
   * Reads {@code <dataFolder>/master.key}, or generates it (readable and writable by the owner
   * only).
   */
  static MasterKey inFolder(Path dataFolder) {
    Path file = dataFolder.resolve(FILE_NAME);
    try {
      Files.createDirectories(dataFolder);
      if (!Files.exists(file)) {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        if (createOwnerOnly(file)) {
          Files.writeString(
              file, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
        }
      }
      return fromBase64(file.toString(), Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the master key file " + file, e);
    }
  }

  private static boolean createOwnerOnly(Path file) throws IOException {
    Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
    try {
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
      } else {
        Files.createFile(file);
      }
      return true;
    } catch (FileAlreadyExistsException raced) {
      return false; // another instance on the same folder created it first: use theirs
    }
  }

  @Override
  public String toString() {
    return "MasterKey[" + id + "]";
  }
}
