package io.omnichannel.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data folder holds the master key and the embedded database: only its owner may enter it (700)
 * and read or write what is in it (600). Set when the folder is created, and again at every start
 * for what an older version or the database engine created with the default mode.
 */
final class OwnerOnly {
  static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnly() {}

  /** Creates the folder owner-only if it is missing, and makes it and the files in it so. */
  static void folder(Path folder) {
    try {
      if (!isPosix(folder)) {
        Files.createDirectories(folder);
        return;
      }
      if (!Files.isDirectory(folder)) {
        Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
      }
      Files.setPosixFilePermissions(folder, FOLDER);
      // what is directly in it (the key, the database files): a folder someone put inside stays
      // theirs
      try (Stream<Path> all = Files.list(folder)) {
        for (Path path : (Iterable<Path>) all::iterator) {
          if (Files.isSymbolicLink(path) || !Files.isRegularFile(path)) {
            continue;
          }
          try {
            Files.setPosixFilePermissions(path, FILE);
          } catch (NoSuchFileException gone) {
            // a temporary file of the database engine, gone meanwhile
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the data folder owner-only: " + folder, e);
    }
  }

  static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
