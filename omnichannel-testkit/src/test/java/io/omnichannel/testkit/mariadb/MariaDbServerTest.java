package io.omnichannel.testkit.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Settings from the environment, URLs of databases, and skip versus fail — no server needed. */
class MariaDbServerTest {
  private static MariaDbServer serverFrom(String... variablesAndValues) {
    Map<String, String> environment = new HashMap<>();
    for (int i = 0; i < variablesAndValues.length; i += 2) {
      environment.put(variablesAndValues[i], variablesAndValues[i + 1]);
    }
    return MariaDbServer.from(environment::get);
  }

  private static MariaDbServer server(String url) {
    return new MariaDbServer(url, "root", "", false);
  }

  @Test
  void anEmptyEnvironmentMeansRootWithoutPasswordOnTheLocalServerAndSkipping() {
    assertThat(serverFrom())
        .isEqualTo(new MariaDbServer("jdbc:mysql://127.0.0.1:3306/", "root", "", false));
  }

  @Test
  void theEnvironmentNamesServerUserAndPasswordAndBlankMeansUnset() {
    MariaDbServer server =
        serverFrom(
            "OMNICHANNEL_TEST_MARIADB_URL", "jdbc:mysql://db:3307/",
            "OMNICHANNEL_TEST_MARIADB_USER", "ci",
            "OMNICHANNEL_TEST_MARIADB_PASSWORD", "s3cret");
    assertThat(server).isEqualTo(new MariaDbServer("jdbc:mysql://db:3307/", "ci", "s3cret", false));
    assertThat(serverFrom("OMNICHANNEL_TEST_MARIADB_USER", " ").user()).isEqualTo("root");
  }

  @Test
  void onlyTrueMakesTheServerRequired() {
    assertThat(serverFrom("OMNICHANNEL_REQUIRE_MARIADB", "true").required()).isTrue();
    assertThat(serverFrom("OMNICHANNEL_REQUIRE_MARIADB", "TRUE").required()).isTrue();
    assertThat(serverFrom("OMNICHANNEL_REQUIRE_MARIADB", "false").required()).isFalse();
    assertThat(serverFrom("OMNICHANNEL_REQUIRE_MARIADB", "").required()).isFalse();
    assertThat(serverFrom("OMNICHANNEL_REQUIRE_MARIADB", "yes").required()).isFalse();
  }

  @Test
  void anUnreachableServerSkipsUnlessRequiredThenFails() {
    SQLException refused = new SQLException("Communications link failure", "08S01");

    RuntimeException skipped =
        serverFrom("OMNICHANNEL_REQUIRE_MARIADB", "false").unreachable(refused);
    RuntimeException failed =
        serverFrom("OMNICHANNEL_REQUIRE_MARIADB", "true").unreachable(refused);

    assertThat(skipped)
        .isInstanceOf(TestAbortedException.class)
        .hasMessage(
            "MariaDB not reachable at jdbc:mysql://127.0.0.1:3306/: Communications link failure")
        .hasCause(refused);
    assertThat(failed)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("OMNICHANNEL_REQUIRE_MARIADB=true")
        .hasCause(refused);
  }

  @Test
  void aDatabaseUrlIsTheServerUrlWithTheNameAndTheServerParameters() {
    assertThat(server("jdbc:mysql://127.0.0.1:3306/").databaseUrl("oc_test_1"))
        .isEqualTo("jdbc:mysql://127.0.0.1:3306/oc_test_1");
    assertThat(server("jdbc:mysql://127.0.0.1:3306").databaseUrl("oc_test_1"))
        .isEqualTo("jdbc:mysql://127.0.0.1:3306/oc_test_1");
    assertThat(server("jdbc:mysql://db:3306/?useSSL=false").databaseUrl("oc_test_1"))
        .isEqualTo("jdbc:mysql://db:3306/oc_test_1?useSSL=false");
    assertThat(server("jdbc:mysql://db:3306?useSSL=false").databaseUrl("oc_test_1"))
        .isEqualTo("jdbc:mysql://db:3306/oc_test_1?useSSL=false");
  }

  @Test
  void aParameterJoinsTheQueryOrStartsOne() {
    assertThat(MariaDbServer.withParameter("jdbc:mysql://db/x", "a=1"))
        .isEqualTo("jdbc:mysql://db/x?a=1");
    assertThat(MariaDbServer.withParameter("jdbc:mysql://db/x?useSSL=false", "a=1"))
        .isEqualTo("jdbc:mysql://db/x?useSSL=false&a=1");
  }

  @Test
  void aUrlThatNamesADatabaseOrIsNoJdbcUrlIsRefused() {
    assertThatThrownBy(() -> server("jdbc:mysql://127.0.0.1:3306/omnichannel"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a database");
    assertThatThrownBy(() -> server("mysql://127.0.0.1:3306/"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void itsTextShowsNoPassword() {
    assertThat(new MariaDbServer("jdbc:mysql://db/", "ci", "s3cret", true).toString())
        .doesNotContain("s3cret")
        .contains("ci@jdbc:mysql://db/");
  }
}
