package io.omnichannel.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * {@code omnichannel.example.properties} at the repository's root explains every setting: a setting
 * added to {@link Setting} without its entry there fails this test.
 */
class ExamplePropertiesTest {
  private static final Path EXAMPLE =
      Path.of("").toAbsolutePath().getParent().resolve("omnichannel.example.properties");

  private static Properties example() throws Exception {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(EXAMPLE, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }

  @Test
  void everySettingAndEverySecretsFileVariantHasAnExplainedEntry() throws Exception {
    Properties example = example();
    List<String> lines = Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8);

    assertThat(example.stringPropertyNames()).containsAll(UnknownSettings.knownKeys());
    for (Setting setting : Setting.values()) {
      int at = lines.indexOf(setting.variable() + "=" + setting.defaultValue());
      assertThat(at)
          .as("%s=%s (its default) in %s", setting.variable(), setting.defaultValue(), EXAMPLE)
          .isPositive();
      assertThat(lines.get(at - 1))
          .as("a comment explaining %s just above it", setting.variable())
          .startsWith("# ");
    }
  }

  @Test
  void theExampleHoldsNoUnknownKeyAndLoadsOnceTheRequiredValuesAreGiven() throws Exception {
    assertThat(UnknownSettings.warnings(Map.of(), example())).isEmpty();

    LauncherConfig config =
        ConfigLoader.fromEnvironment(
            Map.of(
                "OMNICHANNEL_ONECONNECT_LOGIN", "gateway",
                "OMNICHANNEL_ONECONNECT_PASSWORD", "p4ss-w0rd",
                "OMNICHANNEL_MANAGEMENT_LINE_ID", "mgmt-line"),
            Optional.of(EXAMPLE));

    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.storage().database()).isEmpty();
  }
}
