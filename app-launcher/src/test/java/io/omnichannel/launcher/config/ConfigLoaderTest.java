package io.omnichannel.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.omnichannel.launcher.config.LauncherConfig.SoapVersion;
import io.omnichannel.launcher.config.LauncherConfig.TelegramMode;
import io.omnichannel.launcher.logging.LogFormat;
import io.omnichannel.launcher.logging.LogLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private final Map<String, String> env =
      new HashMap<>(
          Map.of(
              "OMNICHANNEL_ONECONNECT_LOGIN", "gateway",
              "OMNICHANNEL_ONECONNECT_PASSWORD", "p4ss-w0rd",
              "OMNICHANNEL_MANAGEMENT_LINE_ID", "mgmt-line"));

  private ConfigProblems problems() {
    return catchThrowableOfType(
        ConfigProblems.class, () -> ConfigLoader.fromEnvironment(env, Optional.empty()));
  }

  @Test
  void theMinimalConfigurationRunsOnTheEmbeddedDatabaseWithSafeDefaults() {
    LauncherConfig config = ConfigLoader.fromEnvironment(env, Optional.empty());

    assertThat(config.storage().database()).isEmpty();
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.telegramMode()).isEqualTo(TelegramMode.POLLING);
    assertThat(config.telegramApiUrl()).hasToString("https://api.telegram.org");
    assertThat(config.oneConnectPassword().reveal()).isEqualTo("p4ss-w0rd");
    assertThat(config.workers()).isEqualTo(4);
    assertThat(config.oneConnectSoapVersion())
        .as("SOAP 1.1, as 1C-Connect's official bot speaks it")
        .isEqualTo(SoapVersion.SOAP_1_1);
  }

  @Test
  void soap12IsChosenByConfiguration() {
    env.put("OMNICHANNEL_ONECONNECT_SOAP_VERSION", " 1.2 ");

    assertThat(ConfigLoader.fromEnvironment(env, Optional.empty()).oneConnectSoapVersion())
        .isEqualTo(SoapVersion.SOAP_1_2);

    env.put("OMNICHANNEL_ONECONNECT_SOAP_VERSION", "1.1");
    assertThat(ConfigLoader.fromEnvironment(env, Optional.empty()).oneConnectSoapVersion())
        .isEqualTo(SoapVersion.SOAP_1_1);
  }

  @Test
  void anUnknownSoapVersionIsAProblem() {
    env.put("OMNICHANNEL_ONECONNECT_SOAP_VERSION", "2.0");

    assertThat(problems().problems())
        .containsExactly("OMNICHANNEL_ONECONNECT_SOAP_VERSION must be 1.1 or 1.2, got \"2.0\"");
  }

  @Test
  void logsAreTextAtInfoWithoutAManagementPortUnlessConfigured() {
    assertThat(ConfigLoader.fromEnvironment(env, Optional.empty()).operations())
        .isEqualTo(new LauncherConfig.Operations(LogFormat.TEXT, LogLevel.INFO, Optional.empty()));

    env.put("OMNICHANNEL_LOG_FORMAT", "JSON");
    env.put("OMNICHANNEL_LOG_LEVEL", " debug ");
    env.put("OMNICHANNEL_MANAGEMENT_PORT", "9090");

    assertThat(ConfigLoader.fromEnvironment(env, Optional.empty()).operations())
        .isEqualTo(
            new LauncherConfig.Operations(LogFormat.JSON, LogLevel.DEBUG, Optional.of(9090)));
  }

  @Test
  void unknownLogSettingsAndAManagementPortOnThePublicOneAreProblems() {
    env.put("OMNICHANNEL_LOG_FORMAT", "xml");
    env.put("OMNICHANNEL_LOG_LEVEL", "loud");
    env.put("OMNICHANNEL_MANAGEMENT_PORT", "8080");

    assertThat(problems().problems())
        .containsExactly(
            "OMNICHANNEL_LOG_FORMAT must be text or json, got \"xml\"",
            "OMNICHANNEL_LOG_LEVEL must be trace, debug, info, warn or error, got \"loud\"",
            "OMNICHANNEL_MANAGEMENT_PORT must differ from OMNICHANNEL_HTTP_PORT: metrics are kept"
                + " apart from the public port");
  }

  @Test
  void theDefaultPublicBaseUrlFollowsThePort() {
    env.put("OMNICHANNEL_HTTP_PORT", "18103");

    assertThat(ConfigLoader.fromEnvironment(env, Optional.empty()).publicBaseUrl())
        .hasToString("http://localhost:18103");
  }

  @Test
  void anExplicitPublicBaseUrlIsTheOperatorsChoice() {
    env.put("OMNICHANNEL_HTTP_PORT", "18103");
    env.put("OMNICHANNEL_PUBLIC_BASE_URL", "https://gateway.example");

    assertThat(ConfigLoader.fromEnvironment(env, Optional.empty()).publicBaseUrl())
        .hasToString("https://gateway.example");
  }

  @Test
  void aPortChosenAtBindTimeNeedsAnExplicitPublicBaseUrl() {
    env.put("OMNICHANNEL_HTTP_PORT", "0");

    assertThat(problems().problems())
        .containsExactly(
            "OMNICHANNEL_PUBLIC_BASE_URL is required when OMNICHANNEL_HTTP_PORT is 0: the hooks"
                + " must point at this instance's port");
  }

  @Test
  void reportsEveryProblemAtOnceOneLineEach() {
    env.clear();
    env.put("OMNICHANNEL_HTTP_PORT", "eighty");
    env.put("OMNICHANNEL_TELEGRAM_MODE", "carrier-pigeon");

    assertThat(problems().problems())
        .containsExactlyInAnyOrder(
            "OMNICHANNEL_HTTP_PORT must be a whole number, got \"eighty\"",
            "OMNICHANNEL_TELEGRAM_MODE must be polling or webhook, got \"carrier-pigeon\"",
            "OMNICHANNEL_ONECONNECT_LOGIN is required: the service's own 1C-Connect account (management line and partner reads)",
            "OMNICHANNEL_ONECONNECT_PASSWORD is required: its password",
            "OMNICHANNEL_MANAGEMENT_LINE_ID is required: id of the line «1С-Коннект: Управление каналами»");
  }

  @Test
  void webhookModeNeedsAnHttpsPublicBaseUrl() {
    env.put("OMNICHANNEL_TELEGRAM_MODE", "webhook");
    env.put("OMNICHANNEL_PUBLIC_BASE_URL", "http://gateway.example");

    assertThat(problems().problems())
        .containsExactly(
            "OMNICHANNEL_TELEGRAM_MODE=webhook needs an https "
                + "OMNICHANNEL_PUBLIC_BASE_URL (Telegram delivers webhooks over HTTPS only), got http://gateway.example");

    env.put("OMNICHANNEL_PUBLIC_BASE_URL", "https://gateway.example");
    assertThat(ConfigLoader.fromEnvironment(env, Optional.empty()).telegramMode())
        .isEqualTo(TelegramMode.WEBHOOK);
  }

  @Test
  void secretsAreNeverEchoedInProblems() {
    env.put("OMNICHANNEL_MASTER_KEY", "not-base64-secret-value!!");
    env.put("OMNICHANNEL_ADMIN_TOKEN", "short-secret");

    ConfigProblems problems = problems();

    assertThat(problems.problems())
        .containsExactlyInAnyOrder(
            "OMNICHANNEL_MASTER_KEY is not base64",
            "OMNICHANNEL_ADMIN_TOKEN is too short: use at least 16 characters");
    assertThat(problems.getMessage())
        .doesNotContain("not-base64-secret-value")
        .doesNotContain("short-secret");
  }

  @Test
  void anExternalDatabaseMustBeMysqlOrMariadb() {
    env.put("OMNICHANNEL_DB_URL", "jdbc:postgresql://db/omni");

    assertThat(problems().problems())
        .singleElement()
        .asString()
        .startsWith("OMNICHANNEL_DB_URL must be a MySQL or MariaDB");

    env.put("OMNICHANNEL_DB_URL", "jdbc:mysql://127.0.0.1:3306/omni");
    env.put("OMNICHANNEL_DB_PASSWORD", "db-secret");
    LauncherConfig config = ConfigLoader.fromEnvironment(env, Optional.empty());
    assertThat(config.storage().database())
        .hasValueSatisfying(db -> assertThat(db.toString()).doesNotContain("db-secret"));
  }

  @Test
  void thePropertiesFileFillsInAndTheEnvironmentWins(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("omnichannel.properties");
    Files.writeString(file, "OMNICHANNEL_HTTP_PORT=9090\nOMNICHANNEL_WORKERS=8\n");
    env.put("OMNICHANNEL_WORKERS", "2");

    LauncherConfig config = ConfigLoader.fromEnvironment(env, Optional.of(file));

    assertThat(config.httpPort()).isEqualTo(9090);
    assertThat(config.workers()).isEqualTo(2);
  }

  @Test
  void anUnreadablePropertiesFileIsAProblem(@TempDir Path dir) {
    ConfigProblems problems =
        catchThrowableOfType(
            ConfigProblems.class,
            () ->
                ConfigLoader.fromEnvironment(env, Optional.of(dir.resolve("missing.properties"))));

    assertThat(problems.problems())
        .singleElement()
        .asString()
        .startsWith("cannot read the properties file");
  }

  @Test
  void maxIsOffUnlessEnabledAndThenTakesItsOwnSettings() {
    env.put("OMNICHANNEL_MAX_MODE", "not read while MAX is off");
    assertThat(ConfigLoader.fromEnvironment(env, Optional.empty()).max()).isEmpty();

    env.put("OMNICHANNEL_MAX_ENABLED", "TRUE");
    env.put("OMNICHANNEL_MAX_MODE", "polling");
    env.put("OMNICHANNEL_MAX_API_URL", "http://127.0.0.1:8083");
    env.put("OMNICHANNEL_MAX_TRUST_STORE", "/etc/omnichannel/russian-trusted-root.p12");
    env.put("OMNICHANNEL_MAX_TRUST_STORE_PASSWORD", "store-pass");
    LauncherConfig.MaxSettings max =
        ConfigLoader.fromEnvironment(env, Optional.empty()).max().orElseThrow();

    assertThat(max.apiUrl()).hasToString("http://127.0.0.1:8083");
    assertThat(max.mode()).isEqualTo(TelegramMode.POLLING);
    assertThat(max.trustStore()).contains(Path.of("/etc/omnichannel/russian-trusted-root.p12"));
    assertThat(max.trustStorePassword().orElseThrow().reveal()).isEqualTo("store-pass");
    assertThat(max.toString()).doesNotContain("store-pass");
  }

  @Test
  void badMaxSettingsAreProblemsOnlyWhenMaxIsEnabled() {
    env.put("OMNICHANNEL_MAX_ENABLED", "yes");
    assertThat(problems().problems())
        .containsExactly("OMNICHANNEL_MAX_ENABLED must be true or false, got \"yes\"");

    env.put("OMNICHANNEL_MAX_ENABLED", "true");
    env.put("OMNICHANNEL_MAX_MODE", "webhook");
    env.put("OMNICHANNEL_MAX_API_URL", "ftp://max");
    env.put("OMNICHANNEL_PUBLIC_BASE_URL", "http://gateway.example");
    assertThat(problems().problems())
        .containsExactly(
            "OMNICHANNEL_MAX_API_URL must be an http(s) URL with a host, got \"ftp://max\"",
            "OMNICHANNEL_MAX_MODE=webhook needs an https OMNICHANNEL_PUBLIC_BASE_URL (MAX delivers"
                + " webhooks over HTTPS only), got http://gateway.example");
  }
}
