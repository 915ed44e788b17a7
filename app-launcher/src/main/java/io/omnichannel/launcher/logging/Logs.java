package io.omnichannel.launcher.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.joran.spi.ConsoleTarget;
import java.util.List;
import java.util.Map;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Sets Logback up for the service: one console appender on standard error writing text or one JSON
 * object per line (Logback's own {@link JsonEncoder}, MDC included), the chosen level for the
 * gateway, and the libraries (Jetty, Javalin, Flyway, HikariCP, the database drivers) at WARN
 * unless the level is quieter still, so INFO shows the gateway's own lines only.
 */
public final class Logs {
  /** Loggers of the libraries that talk at INFO about their own start-up. */
  static final List<String> LIBRARIES =
      List.of(
          "org.eclipse.jetty",
          "io.javalin",
          "org.flywaydb",
          "com.zaxxer.hikari",
          "org.h2",
          "com.mysql");

  /** Marks a context this class configured, so settings read later may set it up again. */
  private static final String CONFIGURED_HERE = "omnichannel.logs";

  private static final String TEXT_PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36}%replace( {%mdc}){' \\{\\}', ''}"
          + " - %msg%n";

  private Logs() {}

  /**
   * Sets the running Logback up again with settings read from the configuration (the properties
   * file may name them too). Does nothing when SLF4J is bound to something else, or when Logback
   * was configured by a file of the operator's or the host's ({@code logback.xml}): theirs wins.
   */
  public static void apply(LogFormat format, LogLevel level) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext context && context.getProperty(CONFIGURED_HERE) != null) {
      configure(context, format, level);
    }
  }

  /**
   * Only the level (the sandbox quiets the gateway under its transcript), when Logback is bound.
   */
  public static void setLevel(LogLevel level) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext context) {
      applyLevels(context, level);
    }
  }

  static synchronized void configure(LoggerContext context, LogFormat format, LogLevel level) {
    context.reset();
    context.putProperty(CONFIGURED_HERE, format.settingValue());
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("console");
    // System.err looked up at each write: the logs stay apart from a command's output on stdout
    console.setTarget(ConsoleTarget.SystemErr.getName());
    console.setEncoder(encoder(context, format));
    console.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(console);
    applyLevels(context, level);
  }

  private static void applyLevels(LoggerContext context, LogLevel level) {
    Level root = Level.toLevel(level.name());
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(root);
    Level libraries = root.isGreaterOrEqual(Level.WARN) ? root : Level.WARN;
    LIBRARIES.forEach(library -> context.getLogger(library).setLevel(libraries));
  }

  private static Encoder<ILoggingEvent> encoder(LoggerContext context, LogFormat format) {
    if (format == LogFormat.JSON) {
      JsonEncoder json = new JsonEncoder();
      json.setContext(context);
      // the message as read, once: no pattern and arguments beside it, no context or sequence noise
      json.setWithFormattedMessage(true);
      json.setWithMessage(false);
      json.setWithArguments(false);
      json.setWithContext(false);
      json.setWithSequenceNumber(false);
      json.setWithNanoseconds(false);
      json.start();
      return json;
    }
    PatternLayoutEncoder text = new PatternLayoutEncoder();
    text.setContext(context);
    text.setPattern(TEXT_PATTERN);
    text.start();
    return text;
  }

  /** What the environment asks for, with the defaults (text, info) for what is unset or unknown. */
  static LogFormat formatIn(Map<String, String> environment) {
    return LogFormat.named(environment.getOrDefault("OMNICHANNEL_LOG_FORMAT", ""))
        .orElse(LogFormat.TEXT);
  }

  static LogLevel levelIn(Map<String, String> environment) {
    return LogLevel.named(environment.getOrDefault("OMNICHANNEL_LOG_LEVEL", ""))
        .orElse(LogLevel.INFO);
  }
}
