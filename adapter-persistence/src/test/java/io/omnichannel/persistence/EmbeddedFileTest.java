package io.omnichannel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.InboundRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 file itself: a management event an older version stored in clear is sealed at start, and
 * the file is rewritten so its old pages do not keep the token either; once open, every commit is
 * written to it before it returns.
 */
class EmbeddedFileTest {
  private static final String TOKEN = "7654321:AAFoldVERSIONtokenxxxxxxxxxxxxxxxxxx";
  private static final String PAYLOAD = "{\"type\":\"message\",\"text\":\"" + TOKEN + "\"}";

  @TempDir Path data;

  @Test
  void aClearManagementEventOfAnOlderVersionLeavesNoTraceInTheFileAfterTheNextStart()
      throws Exception {
    PersistenceConfig config = PersistenceConfig.embedded(data);
    try (Persistence older = Persistence.open(config);
        Connection jdbc =
            DriverManager.getConnection(PersistenceConfig.embeddedUrl(data), "sa", "");
        PreparedStatement clear =
            jdbc.prepareStatement(
                "INSERT INTO inbox (event_id, kind, ordering_key, payload, received_at, due_at)"
                    + " VALUES ('1c:old', 'MANAGEMENT_EVENT', 'specialist-1', ?, 0, 0)")) {
      clear.setString(1, PAYLOAD);
      clear.executeUpdate();
      // an older version never sealed anything again at start: it left no mark
      jdbc.createStatement().executeUpdate("DELETE FROM maintenance_marks");
    }
    assertThat(occurrencesInFiles()).as("the older version's file holds it").isPositive();

    try (Persistence newer = Persistence.open(config)) {
      assertThat(occurrencesInFiles()).isZero();
      InboundRecord item =
          newer.inbox().claimNext(Instant.now(), Duration.ofSeconds(30)).orElseThrow().item();
      assertThat(item.payload()).isEqualTo(PAYLOAD);
    }
    assertThat(occurrencesInFiles()).isZero();
  }

  @Test
  void onceOpenedEveryCommitReachesTheFileBeforeItReturnsAlsoAfterTheDatabaseIsOpenedAgain()
      throws Exception {
    try (Persistence opened = Persistence.open(PersistenceConfig.embedded(data))) {
      assertThat(writeDelay()).isEqualTo("0");
    }
    assertThat(writeDelay())
        .as("kept in the database, not only in the running engine")
        .isEqualTo("0");
  }

  /** H2's delay between a commit and its write to the file, in milliseconds. */
  private String writeDelay() throws Exception {
    try (Connection jdbc =
            DriverManager.getConnection(PersistenceConfig.embeddedUrl(data), "sa", "");
        ResultSet row =
            jdbc.createStatement()
                .executeQuery(
                    "SELECT setting_value FROM information_schema.settings"
                        + " WHERE setting_name = 'WRITE_DELAY'")) {
      assertThat(row.next()).isTrue();
      return row.getString(1);
    }
  }

  private int occurrencesInFiles() throws Exception {
    byte[] needle = TOKEN.getBytes(StandardCharsets.UTF_8);
    int found = 0;
    try (Stream<Path> files = Files.walk(data)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(file);
        outer:
        for (int i = 0; i <= bytes.length - needle.length; i++) {
          for (int j = 0; j < needle.length; j++) {
            if (bytes[i + j] != needle[j]) {
              continue outer;
            }
          }
          found++;
        }
      }
    }
    return found;
  }
}
