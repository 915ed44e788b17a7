package io.omnichannel.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.failure.StorageUnavailable;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry the launcher uses: opening, migrating, readiness, failures that name no secret. */
class PersistenceTest {
  private static final Clock CLOCK = Clock.systemUTC();

  @TempDir Path dataFolder;

  @Test
  void opensTheEmbeddedDatabaseMigratedAndReady() {
    try (Persistence db = Persistence.open(PersistenceConfig.embedded(dataFolder))) {
      assertThat(db.isReady()).isTrue();
      assertThat(db.appliedAtOpen())
          .as("opening a fresh database applies every migration, in order")
          .first()
          .isEqualTo(new AppliedMigration("1", "schema"));
      assertThat(db.appliedAtOpen()).extracting(AppliedMigration::version).contains("4", "6");
      assertThat(db.migrate()).as("a second migrate has nothing left to do").isEmpty();
      assertThat(dataFolder.resolve("omnichannel.mv.db")).exists();
      assertThat(dataFolder.resolve(MasterKey.FILE_NAME)).exists();
    }
  }

  @Test
  void aPortUsedWhileTheDatabaseOpensWaitsUntilItIsMigrated() {
    // opening returns at once, with the migrations still to run on the opening thread: a read
    // taken meanwhile must wait for them, not meet a table that does not exist yet
    try (Persistence db = Persistence.opening(PersistenceConfig.embedded(dataFolder), CLOCK, "i")) {
      assertThat(db.connections().allActive()).isEmpty();
      assertThat(db.awaitOpen().appliedAtOpen())
          .extracting(AppliedMigration::version)
          .contains("1", "11.3");
    }
  }

  @Test
  void aDatabaseThatDoesNotOpenFailsTheWaitAndThePortsUsedMeanwhile() {
    PersistenceConfig unreachable = unreachableServer();
    Persistence db = Persistence.opening(unreachable, CLOCK, "i");

    assertThatThrownBy(() -> db.connections().allActive())
        .isInstanceOf(StorageUnavailable.class)
        .hasMessage("the database did not open");
    assertThatThrownBy(db::awaitOpen)
        .isInstanceOf(StorageUnavailable.class)
        .hasMessage("cannot connect to 127.0.0.1:1 (connection refused)");
  }

  @Test
  void aClosedDatabaseIsNotReadyAndItsFailuresAreStorageUnavailableWithoutSecrets() {
    Persistence db = Persistence.open(PersistenceConfig.embedded(dataFolder));
    db.close();

    assertThat(db.isReady()).isFalse();
    assertThatThrownBy(
            () -> db.connections().insert(Fixtures.connection("company-1", "line-1", "1001")))
        .isInstanceOf(StorageUnavailable.class)
        .hasMessageNotContaining("TOKENSECRET")
        .hasMessageNotContaining(Fixtures.API_PASSWORD);
  }

  @Test
  void anUnreachableServerIsStorageUnavailableAndTheMessageHidesThePassword() {
    PersistenceConfig quick = unreachableServer();

    assertThatThrownBy(() -> Persistence.open(quick))
        .isInstanceOf(StorageUnavailable.class)
        .hasMessage("cannot connect to 127.0.0.1:1 (connection refused)");
  }

  @Test
  void theConfigValidatesItsFieldsAndNeverPrintsSecrets() {
    assertThatThrownBy(
            () -> PersistenceConfig.server("jdbc:postgresql://x/db", "u", "p", dataFolder))
        .hasMessageContaining("jdbcUrl");
    assertThatThrownBy(() -> PersistenceConfig.embedded(dataFolder).withPoolSize(0))
        .hasMessageContaining("poolSize");

    PersistenceConfig config =
        new PersistenceConfig(
            "jdbc:mysql://db:3306/oc?user=u&password=url-secret",
            "u",
            "field-secret",
            dataFolder,
            Optional.of("bWFzdGVyLXNlY3JldA=="),
            List.of(),
            4);
    assertThat(config.toString())
        .doesNotContain("url-secret", "field-secret", "bWFzdGVyLXNlY3JldA==");
  }

  private PersistenceConfig unreachableServer() {
    PersistenceConfig config =
        PersistenceConfig.server(
                "jdbc:mysql://127.0.0.1:1/none?connectTimeout=500",
                "root",
                "db-Pa55word",
                dataFolder)
            .withMasterKey(java.util.Base64.getEncoder().encodeToString(new byte[32]));
    return new PersistenceConfig(
        config.jdbcUrl(),
        config.user(),
        config.password(),
        config.dataFolder(),
        config.masterKey(),
        List.of(),
        1);
  }
}
