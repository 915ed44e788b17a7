package io.omnichannel.launcher.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Logback as {@link Logs} sets it up, in a context of the test's own. */
class LogsTest {
  private final LoggerContext context = new LoggerContext();

  {
    context.setMDCAdapter(MDC.getMDCAdapter());
  }

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream original;

  @BeforeEach
  void capture() {
    original = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(original);
    MDC.clear();
    context.stop();
  }

  private String written() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void jsonWritesOneObjectPerLineWithTheMessageAndTheCorrelationIds() throws Exception {
    Logs.configure(context, LogFormat.JSON, LogLevel.INFO);
    MDC.put(Correlation.CONNECTION, "c-42");
    MDC.put(Correlation.UPDATE_ID, "1001");

    context.getLogger("io.omnichannel.test").info("relayed \"{}\"\nto the line", "привет");
    context.getLogger("io.omnichannel.test").warn("failed", new IllegalStateException("boom"));

    String[] lines = written().split("\n");
    assertThat(lines).hasSize(2);
    JsonNode first = new ObjectMapper().readTree(lines[0]);
    assertThat(first.path("level").asText()).isEqualTo("INFO");
    assertThat(first.path("loggerName").asText()).isEqualTo("io.omnichannel.test");
    assertThat(first.path("formattedMessage").asText())
        .isEqualTo("relayed \"привет\"\nto the line");
    assertThat(first.path("mdc").path("connection").asText()).isEqualTo("c-42");
    assertThat(first.path("mdc").path("update_id").asText()).isEqualTo("1001");
    JsonNode second = new ObjectMapper().readTree(lines[1]);
    assertThat(second.path("throwable").path("message").asText()).isEqualTo("boom");
  }

  @Test
  void textNamesTheCorrelationIdsOnlyWhenThereAreSome() {
    Logs.configure(context, LogFormat.TEXT, LogLevel.INFO);
    context.getLogger("io.omnichannel.test").info("plain");
    MDC.put(Correlation.QUEUE_ROW, "17");
    context.getLogger("io.omnichannel.test").info("with a row");

    String[] lines = written().split("\n");
    assertThat(lines[0]).contains("INFO").endsWith("io.omnichannel.test - plain");
    assertThat(lines[1]).contains("io.omnichannel.test {queue_row=17} - with a row");
  }

  @Test
  void librariesSpeakFromWarnUpAtInfoAndTheLevelIsTheSettingsForTheGateway() {
    Logs.configure(context, LogFormat.TEXT, LogLevel.INFO);
    context.getLogger("org.eclipse.jetty.server.Server").info("jetty-11 started");
    context.getLogger("io.javalin.Javalin").info("Your Javalin version is 529 days old");
    context.getLogger("org.flywaydb.core.FlywayExecutor").info("Database: jdbc:h2");
    context.getLogger("com.zaxxer.hikari.HikariDataSource").info("Start completed.");
    context.getLogger("io.omnichannel.test").debug("not at info");
    context.getLogger("com.zaxxer.hikari.pool.HikariPool").warn("Connection is not available");
    assertThat(written())
        .doesNotContain("jetty-11", "days old", "jdbc:h2", "Start completed", "not at info")
        .contains("Connection is not available");

    Logs.configure(context, LogFormat.TEXT, LogLevel.ERROR);
    context.getLogger("com.zaxxer.hikari.pool.HikariPool").warn("quiet now");
    context.getLogger("io.omnichannel.test").warn("quiet too");
    assertThat(written()).doesNotContain("quiet");
  }
}
