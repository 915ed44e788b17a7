package io.omnichannel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyFileTest {
  @TempDir
  Path dataFolder;

  @Test
  void isGeneratedOnFirstStartReadableByTheOwnerOnlyAndReusedAfter() throws Exception {
    MasterKey first = MasterKey.inFolder(dataFolder.resolve("data"));
    Path file = dataFolder.resolve("data").resolve(MasterKey.FILE_NAME);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(MasterKey.inFolder(dataFolder.resolve("data")).id()).isEqualTo(first.id());
    assertThat(MasterKey.fromBase64("file", Files.readString(file)).id()).isEqualTo(first.id());
  }

  @Test
  void secretsSealedBeforeARestartOpenAfterIt() {
    PersistenceConfig config = PersistenceConfig.embedded(dataFolder);
    Persistence first = Persistence.open(config);
    var connection = Fixtures.connection("company-1", "line-1", "1001");
    first.connections().insert(connection);
    first.close();

    try (Persistence reopened = Persistence.open(config)) {
      assertThat(reopened.connections().find(connection.id())).contains(connection);
    }
  }
}
