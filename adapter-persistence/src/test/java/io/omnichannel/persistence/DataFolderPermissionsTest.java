package io.omnichannel.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder and everything the gateway or the database engine writes there: owner only. */
class DataFolderPermissionsTest {
  @TempDir Path temp;

  @Test
  void aNewDataFolderIsCreatedOwnerOnlyWithItsKeyAndDatabaseFiles() throws Exception {
    assumeTrue(OwnerOnly.isPosix(temp), "POSIX file permissions");
    Path data = temp.resolve("fresh").resolve("data");

    try (Persistence ignored = Persistence.open(PersistenceConfig.embedded(data))) {
      assertOwnerOnly(data);
      assertThat(names(data)).contains("master.key", "omnichannel.mv.db");
    }
  }

  @Test
  void aFolderAndFilesLeftOpenByAnOlderVersionAreClosedAtStart() throws Exception {
    assumeTrue(OwnerOnly.isPosix(temp), "POSIX file permissions");
    Path data = Files.createDirectories(temp.resolve("old"));
    try (Persistence ignored = Persistence.open(PersistenceConfig.embedded(data))) {
      // an older version's start
    }
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (Stream<Path> files = Files.list(data)) {
      for (Path file : files.toList()) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
      }
    }

    try (Persistence ignored = Persistence.open(PersistenceConfig.embedded(data))) {
      assertOwnerOnly(data);
    }
  }

  private static void assertOwnerOnly(Path data) throws Exception {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
        .as(data.toString())
        .isEqualTo("rwx------");
    try (Stream<Path> all = Files.walk(data)) {
      for (Path path : all.filter(p -> !p.equals(data)).toList()) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
            .as(path.toString())
            .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
      }
    }
  }

  private static List<String> names(Path data) throws Exception {
    try (Stream<Path> files = Files.list(data)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
