package io.omnichannel.launcher.config;

/**
 * One configuration setting: its environment variable (also its key in the optional properties
 * file), what it means, its default, and whether it is a secret that must never be echoed.
 */
public enum Setting {
  DATA_DIR(
      "OMNICHANNEL_DATA_DIR",
      "folder for the embedded database and the generated master key",
      "./data",
      false),
  DB_URL(
      "OMNICHANNEL_DB_URL",
      "JDBC URL of MySQL 8 or MariaDB 10.11 (jdbc:mysql://…); empty = embedded H2 in the data folder",
      "",
      false),
  DB_USER("OMNICHANNEL_DB_USER", "database user", "", false),
  DB_PASSWORD("OMNICHANNEL_DB_PASSWORD", "database password", "", true),
  HTTP_HOST("OMNICHANNEL_HTTP_HOST", "address the HTTP server binds to", "0.0.0.0", false),
  HTTP_PORT("OMNICHANNEL_HTTP_PORT", "port of the HTTP server", "8080", false),
  PUBLIC_BASE_URL(
      "OMNICHANNEL_PUBLIC_BASE_URL",
      "how browsers, Telegram and 1C-Connect reach this service; empty ="
          + " http://localhost:<OMNICHANNEL_HTTP_PORT>",
      "",
      false),
  TELEGRAM_API_URL(
      "OMNICHANNEL_TELEGRAM_API_URL",
      "Telegram Bot API base (a local Bot API server or an emulator)",
      "https://api.telegram.org",
      false),
  TELEGRAM_MODE(
      "OMNICHANNEL_TELEGRAM_MODE",
      "how updates are received: polling or webhook (webhook needs an https public base URL)",
      "polling",
      false),
  MAX_ENABLED(
      "OMNICHANNEL_MAX_ENABLED",
      "whether MAX bots can be connected too: true or false",
      "false",
      false),
  MAX_API_URL(
      "OMNICHANNEL_MAX_API_URL",
      "MAX Bot API base (or an emulator)",
      "https://platform-api2.max.ru",
      false),
  MAX_MODE(
      "OMNICHANNEL_MAX_MODE",
      "how MAX updates are received: polling or webhook (webhook needs an https public base URL)",
      "polling",
      false),
  MAX_TRUST_STORE(
      "OMNICHANNEL_MAX_TRUST_STORE",
      "extra trusted roots for the MAX API: a PEM file, or a JKS / PKCS12 store; empty = the JDK's"
          + " only",
      "",
      false),
  MAX_TRUST_STORE_PASSWORD(
      "OMNICHANNEL_MAX_TRUST_STORE_PASSWORD",
      "password of that JKS / PKCS12 trust store; empty for PEM",
      "",
      true),
  ONECONNECT_REST_URL(
      "OMNICHANNEL_ONECONNECT_REST_URL",
      "1C-Connect push API base",
      "https://push.1c-connect.com",
      false),
  ONECONNECT_SOAP_URL(
      "OMNICHANNEL_ONECONNECT_SOAP_URL",
      "1C-Connect PartnerWebAPI2 SOAP endpoint",
      "https://cus.1c-connect.com/cus/ws/PartnerWebAPI2",
      false),
  ONECONNECT_SOAP_VERSION(
      "OMNICHANNEL_ONECONNECT_SOAP_VERSION",
      "SOAP version PartnerWebAPI2 is spoken in: 1.1 (as 1C-Connect's official bot) or 1.2",
      "1.1",
      false),
  ONECONNECT_LOGIN(
      "OMNICHANNEL_ONECONNECT_LOGIN",
      "the service's own 1C-Connect account (management line and partner reads)",
      "",
      false),
  ONECONNECT_PASSWORD("OMNICHANNEL_ONECONNECT_PASSWORD", "its password", "", true),
  MANAGEMENT_LINE_ID(
      "OMNICHANNEL_MANAGEMENT_LINE_ID",
      "id of the line «1С-Коннект: Управление каналами»",
      "",
      false),
  MASTER_KEY(
      "OMNICHANNEL_MASTER_KEY",
      "base64 AES-256 key sealing stored secrets; empty = generated into the data folder",
      "",
      true),
  ADMIN_TOKEN(
      "OMNICHANNEL_ADMIN_TOKEN", "bearer token for /admin; empty = /admin is closed", "", true),
  MANAGEMENT_HOOK_PASSWORD(
      "OMNICHANNEL_MANAGEMENT_HOOK_PASSWORD",
      "back-auth password of the management line's hook; set it when several instances share the work (empty = random per start)",
      "",
      true),
  INSTANCE_ID(
      "OMNICHANNEL_INSTANCE_ID",
      "this instance's name in polling leases; empty = host name and a random suffix",
      "",
      false),
  WORKERS(
      "OMNICHANNEL_WORKERS",
      "worker threads per queue (inbox, outbox); the inbox runs at least 16",
      "4",
      false),
  LOG_FORMAT(
      "OMNICHANNEL_LOG_FORMAT",
      "log lines as text for people or json (one JSON object per line, with the correlation ids)",
      "text",
      false),
  LOG_LEVEL(
      "OMNICHANNEL_LOG_LEVEL",
      "the gateway's log level: trace, debug, info, warn or error (libraries log from warn up)",
      "info",
      false),
  MANAGEMENT_PORT(
      "OMNICHANNEL_MANAGEMENT_PORT",
      "port serving /metrics and /health/* apart from the public port, on the same address; empty ="
          + " none, and /metrics on the public port asks for the admin token",
      "",
      false);

  private final String variable;
  private final String meaning;
  private final String defaultValue;
  private final boolean secret;

  Setting(String variable, String meaning, String defaultValue, boolean secret) {
    this.variable = variable;
    this.meaning = meaning;
    this.defaultValue = defaultValue;
    this.secret = secret;
  }

  public String variable() {
    return variable;
  }

  public String meaning() {
    return meaning;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public boolean secret() {
    return secret;
  }

  /**
   * For a secret, the variable naming a file that holds it instead ({@code
   * OMNICHANNEL_DB_PASSWORD_FILE}), so that the secret need not sit in the environment.
   */
  public String fileVariable() {
    if (!secret) {
      throw new IllegalStateException(variable + " is not a secret: it has no file variant");
    }
    return variable + "_FILE";
  }
}
