package io.omnichannel.launcher.config;

import io.omnichannel.core.domain.Secret;
import io.omnichannel.launcher.config.LauncherConfig.Database;
import io.omnichannel.launcher.config.LauncherConfig.SoapVersion;
import io.omnichannel.launcher.config.LauncherConfig.TelegramMode;
import io.omnichannel.launcher.logging.LogFormat;
import io.omnichannel.launcher.logging.LogLevel;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Reads {@link Setting}s from the environment, over an optional properties file with the same keys,
 * and validates them all at once: every problem is reported, one line each, naming the variable and
 * never its value when it is a secret.
 */
public final class ConfigLoader {
  private final Map<String, String> environment;
  private final Properties file;
  private final List<String> problems = new ArrayList<>();
  private final Map<Setting, Optional<String>> fileSecrets = new EnumMap<>(Setting.class);

  private ConfigLoader(Map<String, String> environment, Properties file) {
    this.environment = environment;
    this.file = file;
  }

  public static LauncherConfig fromEnvironment(
      Map<String, String> environment, Optional<Path> propertiesFile) {
    return new ConfigLoader(environment, readFile(propertiesFile)).load();
  }

  private static Properties readFile(Optional<Path> propertiesFile) {
    Properties file = new Properties();
    if (propertiesFile.isPresent()) {
      try (Reader reader = Files.newBufferedReader(propertiesFile.get(), StandardCharsets.UTF_8)) {
        file.load(reader);
      } catch (IOException | IllegalArgumentException unreadable) {
        throw new ConfigProblems(
            List.of(
                "cannot read the properties file "
                    + propertiesFile.get()
                    + ": "
                    + unreadable.getMessage()));
      }
    }
    return file;
  }

  /**
   * One line per key that looks like a setting but is none, naming the nearest known key; the
   * service warns with them at start and goes on.
   */
  public static List<String> unknownKeyWarnings(
      Map<String, String> environment, Optional<Path> propertiesFile) {
    return UnknownSettings.warnings(environment, readFile(propertiesFile));
  }

  /** Only the storage settings, for commands that touch nothing but the database. */
  public static LauncherConfig.Storage storageFromEnvironment(
      Map<String, String> environment, Optional<Path> propertiesFile) {
    ConfigLoader loader = new ConfigLoader(environment, readFile(propertiesFile));
    LauncherConfig.Storage storage = loader.storage();
    loader.failOnProblems();
    return storage;
  }

  private LauncherConfig.Storage storage() {
    return new LauncherConfig.Storage(path(Setting.DATA_DIR), database(), masterKey());
  }

  private void failOnProblems() {
    if (!problems.isEmpty()) {
      throw new ConfigProblems(problems);
    }
  }

  private LauncherConfig load() {
    LauncherConfig.Storage storage = storage();
    String httpHost = text(Setting.HTTP_HOST);
    int problemsBefore = problems.size();
    int httpPort = number(Setting.HTTP_PORT, 0, 65535);
    URI publicBase =
        publicBase(problems.size() == problemsBefore ? Optional.of(httpPort) : Optional.empty());
    URI telegramApi = url(Setting.TELEGRAM_API_URL);
    TelegramMode mode = mode(Setting.TELEGRAM_MODE);
    Optional<LauncherConfig.MaxSettings> max = max(publicBase);
    URI rest = url(Setting.ONECONNECT_REST_URL);
    URI soap = url(Setting.ONECONNECT_SOAP_URL);
    SoapVersion soapVersion = soapVersion();
    String login = required(Setting.ONECONNECT_LOGIN);
    Optional<Secret> password = secret(Setting.ONECONNECT_PASSWORD);
    if (password.isEmpty()) {
      problems.add(
          Setting.ONECONNECT_PASSWORD.variable()
              + " is required: "
              + Setting.ONECONNECT_PASSWORD.meaning());
    }
    String managementLine = required(Setting.MANAGEMENT_LINE_ID);
    Optional<Secret> adminToken = secret(Setting.ADMIN_TOKEN);
    adminToken
        .filter(token -> token.reveal().length() < 16)
        .ifPresent(
            token ->
                problems.add(
                    Setting.ADMIN_TOKEN.variable() + " is too short: use at least 16 characters"));
    Optional<Secret> hookPassword = secret(Setting.MANAGEMENT_HOOK_PASSWORD);
    hookPassword
        .filter(hook -> hook.reveal().length() < 16)
        .ifPresent(
            hook ->
                problems.add(
                    Setting.MANAGEMENT_HOOK_PASSWORD.variable()
                        + " is too short: use at least 16 characters"));
    Optional<String> instanceId = raw(Setting.INSTANCE_ID);
    int workers = number(Setting.WORKERS, 1, 64);
    LauncherConfig.Operations operations = operations(httpPort);
    if (mode == TelegramMode.WEBHOOK
        && publicBase != null
        && !"https".equals(publicBase.getScheme())) {
      problems.add(
          Setting.TELEGRAM_MODE.variable()
              + "=webhook needs an https "
              + Setting.PUBLIC_BASE_URL.variable()
              + " (Telegram delivers webhooks over HTTPS only), got "
              + publicBase);
    }
    failOnProblems();
    return new LauncherConfig(
        storage,
        httpHost,
        httpPort,
        publicBase,
        telegramApi,
        mode,
        rest,
        soap,
        soapVersion,
        login,
        password.orElseThrow(),
        managementLine,
        adminToken,
        hookPassword,
        instanceId,
        workers,
        operations,
        max);
  }

  /** MAX's settings when it is enabled; its other settings are read (and checked) only then. */
  private Optional<LauncherConfig.MaxSettings> max(URI publicBase) {
    String enabled = text(Setting.MAX_ENABLED).toLowerCase(Locale.ROOT);
    if (!"true".equals(enabled)) {
      if (!"false".equals(enabled)) {
        problems.add(
            Setting.MAX_ENABLED.variable() + " must be true or false, got \"" + enabled + "\"");
      }
      return Optional.empty();
    }
    URI api = url(Setting.MAX_API_URL);
    TelegramMode mode = mode(Setting.MAX_MODE);
    if (mode == TelegramMode.WEBHOOK
        && publicBase != null
        && !"https".equals(publicBase.getScheme())) {
      problems.add(
          Setting.MAX_MODE.variable()
              + "=webhook needs an https "
              + Setting.PUBLIC_BASE_URL.variable()
              + " (MAX delivers webhooks over HTTPS only), got "
              + publicBase);
    }
    Optional<Path> trustStore =
        raw(Setting.MAX_TRUST_STORE).isPresent()
            ? Optional.ofNullable(path(Setting.MAX_TRUST_STORE))
            : Optional.empty();
    return Optional.of(
        new LauncherConfig.MaxSettings(
            api, mode, trustStore, secret(Setting.MAX_TRUST_STORE_PASSWORD)));
  }

  private LauncherConfig.Operations operations(int httpPort) {
    LogFormat format =
        named(Setting.LOG_FORMAT, LogFormat::named, "text or json").orElse(LogFormat.TEXT);
    LogLevel level =
        named(Setting.LOG_LEVEL, LogLevel::named, "trace, debug, info, warn or error")
            .orElse(LogLevel.INFO);
    Optional<Integer> managementPort = Optional.empty();
    if (raw(Setting.MANAGEMENT_PORT).isPresent()) {
      managementPort = Optional.of(number(Setting.MANAGEMENT_PORT, 1, 65535));
      if (managementPort.get() == httpPort) {
        problems.add(
            Setting.MANAGEMENT_PORT.variable()
                + " must differ from "
                + Setting.HTTP_PORT.variable()
                + ": metrics are kept apart from the public port");
      }
    }
    return new LauncherConfig.Operations(format, level, managementPort);
  }

  private <T> Optional<T> named(
      Setting setting, Function<String, Optional<T>> byName, String expected) {
    String value = text(setting);
    Optional<T> named = byName.apply(value);
    if (named.isEmpty()) {
      problems.add(setting.variable() + " must be " + expected + ", got \"" + value + "\"");
    }
    return named;
  }

  private Optional<String> raw(Setting setting) {
    Optional<String> value =
        setting.secret() && given(setting.fileVariable()).isPresent()
            ? fileSecrets.computeIfAbsent(setting, this::secretFromFile)
            : given(setting.variable());
    if (value.isEmpty()) {
      return setting.defaultValue().isEmpty()
          ? Optional.empty()
          : Optional.of(setting.defaultValue());
    }
    return value;
  }

  /** The environment's value, else the file's, stripped; empty when unset or blank. */
  private Optional<String> given(String key) {
    String value = environment.get(key);
    if (value == null) {
      value = file.getProperty(key);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /**
   * The secret in the file its {@code _FILE} variable names (read once per load, so that each
   * problem is reported once); empty, with the problem noted, when it cannot be used.
   */
  private Optional<String> secretFromFile(Setting setting) {
    if (given(setting.variable()).isPresent()) {
      problems.add(
          "set either "
              + setting.variable()
              + " or "
              + setting.fileVariable()
              + ", not both: which one is meant cannot be told");
      return given(setting.variable()); // reported; returned only so that no "required" follows
    }
    try {
      return Optional.of(SecretFile.read(Path.of(given(setting.fileVariable()).orElseThrow())));
    } catch (SecretFile.Unusable | InvalidPathException unusable) {
      problems.add(setting.fileVariable() + ": " + unusable.getMessage());
      return Optional.empty();
    }
  }

  private String text(Setting setting) {
    return raw(setting).orElse("");
  }

  private String required(Setting setting) {
    Optional<String> value = raw(setting);
    if (value.isEmpty()) {
      problems.add(setting.variable() + " is required: " + setting.meaning());
    }
    return value.orElse("");
  }

  private Optional<Secret> secret(Setting setting) {
    return raw(setting).map(Secret::of);
  }

  private Path path(Setting setting) {
    try {
      return Path.of(text(setting));
    } catch (InvalidPathException invalid) {
      problems.add(setting.variable() + " is not a usable path: " + invalid.getReason());
      return null;
    }
  }

  private int number(Setting setting, int min, int max) {
    String value = text(setting);
    try {
      int number = Integer.parseInt(value);
      if (number < min || number > max) {
        problems.add(
            setting.variable() + " must be between " + min + " and " + max + ", got " + number);
      }
      return number;
    } catch (NumberFormatException notANumber) {
      problems.add(setting.variable() + " must be a whole number, got \"" + value + "\"");
      return min;
    }
  }

  private URI url(Setting setting) {
    String value = text(setting);
    try {
      URI uri = new URI(value);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        problems.add(
            setting.variable() + " must be an http(s) URL with a host, got \"" + value + "\"");
      }
      return uri;
    } catch (URISyntaxException malformed) {
      problems.add(setting.variable() + " is not a URL: " + malformed.getReason());
      return null;
    }
  }

  /**
   * The public base URL as set; else this instance's own port on localhost, so that the hooks never
   * point at another port than the one served. Port 0 is chosen at bind time: nothing can be
   * derived.
   */
  private URI publicBase(Optional<Integer> validPort) {
    if (raw(Setting.PUBLIC_BASE_URL).isPresent()) {
      return url(Setting.PUBLIC_BASE_URL);
    }
    if (validPort.isEmpty()) {
      return null; // the port's own problem is reported
    }
    int httpPort = validPort.get();
    if (httpPort == 0) {
      problems.add(
          Setting.PUBLIC_BASE_URL.variable()
              + " is required when "
              + Setting.HTTP_PORT.variable()
              + " is 0: the hooks must point at this instance's port");
      return null;
    }
    return URI.create("http://localhost:" + httpPort);
  }

  private TelegramMode mode(Setting setting) {
    String value = text(setting).toUpperCase(Locale.ROOT);
    try {
      return TelegramMode.valueOf(value);
    } catch (IllegalArgumentException unknown) {
      problems.add(
          setting.variable()
              + " must be polling or webhook, got \""
              + value.toLowerCase(Locale.ROOT)
              + "\"");
      return TelegramMode.POLLING;
    }
  }

  private SoapVersion soapVersion() {
    String value = text(Setting.ONECONNECT_SOAP_VERSION);
    for (SoapVersion version : SoapVersion.values()) {
      if (version.number().equals(value)) {
        return version;
      }
    }
    problems.add(
        Setting.ONECONNECT_SOAP_VERSION.variable() + " must be 1.1 or 1.2, got \"" + value + "\"");
    return SoapVersion.SOAP_1_1;
  }

  private Optional<Database> database() {
    Optional<String> url = raw(Setting.DB_URL);
    if (url.isEmpty()) {
      return Optional.empty();
    }
    if (!url.get().startsWith("jdbc:mysql:")) {
      problems.add(
          Setting.DB_URL.variable()
              + " must be a MySQL or MariaDB JDBC URL (jdbc:mysql://…), or empty for the embedded database");
    }
    return Optional.of(new Database(url.get(), text(Setting.DB_USER), secret(Setting.DB_PASSWORD)));
  }

  private Optional<Secret> masterKey() {
    Optional<Secret> key = secret(Setting.MASTER_KEY);
    key.ifPresent(
        value -> {
          try {
            if (Base64.getDecoder().decode(value.reveal()).length != 32) {
              problems.add(Setting.MASTER_KEY.variable() + " must be 32 bytes (AES-256) in base64");
            }
          } catch (IllegalArgumentException notBase64) {
            problems.add(Setting.MASTER_KEY.variable() + " is not base64");
          }
        });
    return key;
  }
}
