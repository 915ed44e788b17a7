package io.omnichannel.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key that looks like a setting but is none is named, with the nearest known one. */
class UnknownSettingsTest {
  @Test
  void aMistypedVariableIsNamedWithTheNearestKnownOne() {
    assertThat(
            ConfigLoader.unknownKeyWarnings(
                Map.of(
                    "OMNICHANNEL_DB_PASWORD", "x",
                    "OMNICHANNEL_WORKER", "8",
                    "OMNICHANNEL_HTTP_PORT", "8080",
                    "PATH", "/usr/bin",
                    "HOME", "/root"),
                Optional.empty()))
        .containsExactly(
            "unknown setting OMNICHANNEL_DB_PASWORD (environment variable) is ignored;"
                + " the nearest known one is OMNICHANNEL_DB_PASSWORD",
            "unknown setting OMNICHANNEL_WORKER (environment variable) is ignored;"
                + " the nearest known one is OMNICHANNEL_WORKERS");
  }

  @Test
  void everyKeyOfThePropertiesFileMustBeASetting(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("omnichannel.properties"),
            "OMNICHANNEL_HTTP_PORT=9090\nomnichannel_http_host=127.0.0.1\n");

    assertThat(ConfigLoader.unknownKeyWarnings(Map.of(), Optional.of(file)))
        .containsExactly(
            "unknown setting omnichannel_http_host (key in the properties file) is ignored;"
                + " the nearest known one is OMNICHANNEL_HTTP_HOST");
  }

  @Test
  void secretFileVariantsAreKnown() {
    assertThat(
            ConfigLoader.unknownKeyWarnings(
                Map.of("OMNICHANNEL_DB_PASSWORD_FILE", "/run/secrets/db"), Optional.empty()))
        .isEmpty();
    assertThat(
            ConfigLoader.unknownKeyWarnings(
                Map.of("OMNICHANNEL_DB_USER_FILE", "/run/secrets/user"), Optional.empty()))
        .as("only secrets have a file variant")
        .hasSize(1);
  }
}
