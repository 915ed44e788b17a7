package io.omnichannel.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.testkit.oneconnect.Company;
import io.omnichannel.testkit.oneconnect.HookRegistration;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.OneConnectEmulator;
import io.omnichannel.testkit.telegram.TelegramEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A start that fails says so in one line naming the setting to fix, exits non-zero, prints no stack
 * trace, and leaves the world as it found it: the management line's hook untouched, the port and
 * the database free again (#11).
 */
class FailedStartTest {
  @TempDir Path data;
  private TelegramEmulator telegram;
  private OneConnectEmulator oneConnect;
  private Line management;
  private final Map<String, String> env = new HashMap<>();

  /** What the command printed (picocli's err) and what the process logged meanwhile. */
  private record Outcome(int exit, String err, String log) {
    String all() {
      return err + log;
    }
  }

  @BeforeEach
  void world() throws IOException {
    telegram = TelegramEmulator.start();
    oneConnect = OneConnectEmulator.start();
    Company vendor = oneConnect.world().addCompany("1С-Коннект", true);
    management =
        oneConnect.world().addManagementLine(vendor.id(), "1С-Коннект: Управление каналами");
    oneConnect
        .world()
        .addApiAccount("gateway", "gw-pass", vendor.id(), Map.of(management.id(), true));
    env.put("OMNICHANNEL_DATA_DIR", data.toString());
    env.put("OMNICHANNEL_HTTP_HOST", "127.0.0.1");
    env.put("OMNICHANNEL_HTTP_PORT", String.valueOf(freePort()));
    env.put("OMNICHANNEL_TELEGRAM_API_URL", telegram.baseUrl());
    env.put("OMNICHANNEL_ONECONNECT_REST_URL", oneConnect.baseUrl());
    env.put("OMNICHANNEL_ONECONNECT_SOAP_URL", oneConnect.soapUrl());
    env.put("OMNICHANNEL_ONECONNECT_LOGIN", "gateway");
    env.put("OMNICHANNEL_ONECONNECT_PASSWORD", "gw-pass");
    env.put("OMNICHANNEL_MANAGEMENT_LINE_ID", management.id());
  }

  @AfterEach
  void close() {
    telegram.close();
    oneConnect.close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  private Outcome run(String... args) {
    // System.err is swapped before the command line exists: picocli's default handlers remember the
    // stream they saw and would write there
    PrintStream systemErr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    StringWriter err = new StringWriter();
    int exit;
    try {
      CommandLine commandLine = OmnichannelCommand.commandLine(env);
      commandLine.setErr(new PrintWriter(err, true));
      commandLine.setOut(new PrintWriter(new StringWriter(), true));
      exit = commandLine.execute(args);
    } finally {
      System.setErr(systemErr);
    }
    return new Outcome(exit, err.toString(), log.toString(StandardCharsets.UTF_8));
  }

  private static void assertShortAndNamed(Outcome outcome, String firstLine) {
    assertThat(outcome.exit()).isEqualTo(1);
    assertThat(outcome.err().lines().toList())
        .as(outcome.err() + "\n--- log:\n" + outcome.log())
        .hasSizeBetween(1, 2)
        .first()
        .isEqualTo(firstLine);
    assertThat(outcome.all()).as("no stack trace").doesNotContain("\tat ").doesNotContain("at io.");
  }

  private List<HookRegistration> managementHooks() {
    return oneConnect.world().hooks().stream()
        .filter(hook -> management.id().equals(hook.lineId()))
        .toList();
  }

  private void assertTheWorldIsAsItWas() throws IOException {
    assertThat(managementHooks()).as("the management line's hook is untouched").isEmpty();
    int port = Integer.parseInt(env.get("OMNICHANNEL_HTTP_PORT"));
    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(again.getLocalPort()).as("the port is free again").isEqualTo(port);
    }
  }

  @Test
  void aTakenPortStopsTheStartBeforeTheManagementHookIsTouched() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      env.put("OMNICHANNEL_HTTP_PORT", String.valueOf(taken.getLocalPort()));

      Outcome outcome = run("serve");

      assertShortAndNamed(
          outcome,
          "OMNICHANNEL_HTTP_PORT: port "
              + taken.getLocalPort()
              + " on 127.0.0.1 is already in use");
      assertThat(managementHooks()).as("the running instance keeps its line").isEmpty();
      assertThat(
              oneConnect.inspection().requests().stream()
                  .filter(request -> request.path().startsWith("/v1/hook")))
          .isEmpty();
    }
  }

  @Test
  void anUnreachableDatabaseIsOneLine() throws IOException {
    int closed = freePort();
    env.put("OMNICHANNEL_DB_URL", "jdbc:mysql://127.0.0.1:" + closed + "/omnichannel");
    env.put("OMNICHANNEL_DB_USER", "root");

    Outcome outcome = run("serve");

    assertShortAndNamed(
        outcome,
        "OMNICHANNEL_DB_URL: cannot connect to 127.0.0.1:" + closed + " (connection refused)");
    assertTheWorldIsAsItWas();
  }

  @Test
  void aDatabaseRefusingTheUserIsOneLineWithoutThePassword() throws IOException {
    env.put("OMNICHANNEL_DB_URL", "jdbc:mysql://127.0.0.1:3306/omnichannel");
    env.put("OMNICHANNEL_DB_USER", "nobody_at_all");
    env.put("OMNICHANNEL_DB_PASSWORD", "a-wrong-password");

    Outcome outcome = run("serve");

    assertShortAndNamed(
        outcome,
        "OMNICHANNEL_DB_USER / OMNICHANNEL_DB_PASSWORD: the database at 127.0.0.1:3306 refused"
            + " user nobody_at_all (access denied)");
    assertThat(outcome.all()).doesNotContain("a-wrong-password");
    assertTheWorldIsAsItWas();
  }

  @Test
  void anUnreachable1cConnectIsOneLineAndFreesPortAndDatabase() throws IOException {
    String nowhere = "http://127.0.0.1:" + freePort();
    env.put("OMNICHANNEL_ONECONNECT_REST_URL", nowhere);

    Outcome outcome = run("serve");

    assertThat(outcome.err())
        .startsWith("OMNICHANNEL_ONECONNECT_REST_URL: cannot reach 1C-Connect at " + nowhere);
    assertShortAndNamed(outcome, outcome.err().lines().findFirst().orElseThrow());
    assertTheWorldIsAsItWas();
    assertThat(run("migrate").exit()).as("the embedded database was closed").isZero();
  }

  @Test
  void refusedServiceCredentialsAreOneLineWithoutThePassword() throws IOException {
    env.put("OMNICHANNEL_ONECONNECT_PASSWORD", "not-the-password");

    Outcome outcome = run("serve");

    assertShortAndNamed(
        outcome,
        "OMNICHANNEL_ONECONNECT_LOGIN / OMNICHANNEL_ONECONNECT_PASSWORD: 1C-Connect refused the"
            + " service account «gateway» (wrong login or password)");
    assertThat(outcome.all()).doesNotContain("not-the-password");
    assertTheWorldIsAsItWas();
  }

  @Test
  void anUnknownManagementLineIsOneLine() throws IOException {
    env.put("OMNICHANNEL_MANAGEMENT_LINE_ID", "no-such-line");

    Outcome outcome = run("serve");

    assertShortAndNamed(
        outcome,
        "OMNICHANNEL_MANAGEMENT_LINE_ID: 1C-Connect refused the hook of the management line"
            + " no-such-line (HTTP 404: Line not found)");
    assertTheWorldIsAsItWas();
  }

  @Test
  void migrateWithAnUnreachableDatabaseIsOneLine() throws IOException {
    int closed = freePort();
    env.put("OMNICHANNEL_DB_URL", "jdbc:mysql://127.0.0.1:" + closed + "/omnichannel");

    Outcome outcome = run("migrate");

    assertShortAndNamed(
        outcome,
        "OMNICHANNEL_DB_URL: cannot connect to 127.0.0.1:" + closed + " (connection refused)");
  }

  @Test
  void verboseAddsTheStackTrace() throws IOException {
    env.put("OMNICHANNEL_MANAGEMENT_LINE_ID", "no-such-line");

    Outcome outcome = run("serve", "--verbose");

    assertThat(outcome.exit()).isEqualTo(1);
    assertThat(outcome.err()).startsWith("OMNICHANNEL_MANAGEMENT_LINE_ID: ").contains("\tat ");
  }
}
