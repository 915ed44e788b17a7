package io.omnichannel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ConnectionState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {
  @TempDir Path dataFolder;

  @Test
  void isGeneratedOnFirstStartReadableByTheOwnerOnlyAndReusedAfter() throws Exception {
    MasterKey first = MasterKey.inFolder(dataFolder.resolve("data"));
    Path file = dataFolder.resolve("data").resolve(MasterKey.FILE_NAME);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(MasterKey.inFolder(dataFolder.resolve("data")).id()).isEqualTo(first.id());
    assertThat(MasterKey.fromBase64("file", Files.readString(file)).id()).isEqualTo(first.id());
  }

  @Test
  void aConfiguredKeyIsUsedInsteadOfTheFileAndCanBeRotated() throws Exception {
    String oldKey = Base64.getEncoder().encodeToString(new byte[32]);
    byte[] newBytes = new byte[32];
    newBytes[0] = 1;
    String newKey = Base64.getEncoder().encodeToString(newBytes);
    PersistenceConfig config = PersistenceConfig.embedded(dataFolder).withMasterKey(oldKey);
    var first = Fixtures.connection("company-1", "line-1", "1001");
    try (Persistence db = Persistence.open(config)) {
      db.connections().insert(first);
    }
    assertThat(dataFolder.resolve(MasterKey.FILE_NAME)).doesNotExist();

    try (Persistence rotated =
        Persistence.open(config.withMasterKey(newKey).withRetiredMasterKeys(List.of(oldKey)))) {
      assertThat(rotated.connections().find(first.id())).contains(first);
      rotated.connections().update(first.withState(ConnectionState.WEBHOOK_FAILING));
    }
    try (Persistence newKeyOnly = Persistence.open(config.withMasterKey(newKey))) {
      assertThat(newKeyOnly.connections().find(first.id()).orElseThrow().state())
          .as("the update re-sealed every secret under the new key")
          .isEqualTo(ConnectionState.WEBHOOK_FAILING);
    }
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
