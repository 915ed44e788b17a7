package io.omnichannel.launcher.config;

import io.omnichannel.core.domain.Secret;
import io.omnichannel.launcher.logging.LogFormat;
import io.omnichannel.launcher.logging.LogLevel;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The service's configuration, validated: an instance only exists when every setting made sense.
 * Built by {@link ConfigLoader} from environment variables over an optional properties file.
 */
public record LauncherConfig(
    Storage storage,
    String httpHost,
    int httpPort,
    URI publicBaseUrl,
    URI telegramApiUrl,
    TelegramMode telegramMode,
    URI oneConnectRestUrl,
    URI oneConnectSoapUrl,
    SoapVersion oneConnectSoapVersion,
    String oneConnectLogin,
    Secret oneConnectPassword,
    String managementLineId,
    Optional<Secret> adminToken,
    Optional<Secret> managementHookPassword,
    Optional<String> instanceId,
    int workers,
    Operations operations,
    Optional<MaxSettings> max) {

  /**
   * MAX, when enabled ({@code OMNICHANNEL_MAX_ENABLED=true}); absent, only Telegram is served.
   *
   * @param trustStore extra trusted roots (PEM, JKS or PKCS12) on top of the JDK's
   * @param trustStorePassword its password, for a key store
   */
  public record MaxSettings(
      URI apiUrl,
      TelegramMode mode,
      Optional<Path> trustStore,
      Optional<Secret> trustStorePassword) {}

  /** How the service shows itself to its operators: logs and the management port. */
  public record Operations(
      LogFormat logFormat, LogLevel logLevel, Optional<Integer> managementPort) {}

  /** Where state lives: all the {@code migrate} command needs. */
  public record Storage(Path dataDir, Optional<Database> database, Optional<Secret> masterKey) {}

  /** An external MySQL/MariaDB; absent means the embedded H2 database in the data folder. */
  public record Database(String jdbcUrl, String user, Optional<Secret> password) {
    @Override
    public String toString() {
      return "Database[" + jdbcUrl + ", user " + user + "]";
    }
  }

  public enum TelegramMode {
    POLLING,
    WEBHOOK
  }

  /** The SOAP binding of PartnerWebAPI2: 1.1 unless the operator chose 1.2. */
  public enum SoapVersion {
    SOAP_1_1("1.1"),
    SOAP_1_2("1.2");

    private final String number;

    SoapVersion(String number) {
      this.number = number;
    }

    /** As written in the setting: {@code 1.1} or {@code 1.2}. */
    public String number() {
      return number;
    }
  }
}
