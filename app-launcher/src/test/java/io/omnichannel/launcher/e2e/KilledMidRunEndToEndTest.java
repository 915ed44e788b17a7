package io.omnichannel.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.UserSpec;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * B1 across a crash: the gateway runs in a JVM of its own and is killed with SIGKILL (no graceful stop, no
 * shutdown hook) while 1,000 messages of 10 Telegram users are on their way; a new gateway on the same
 * embedded database picks up → every message in its line exactly once, per chat in order.
 *
 * <p>The restarted gateway's clock runs 3 minutes ahead: the killed process still "holds" the queue rows it
 * had claimed (a 2-minute lease) and its polling lease; a real restart a few minutes later would see them
 * expired in the same way, and the test need not wait for it.
 */
class KilledMidRunEndToEndTest extends EndToEndHarness {
  private static final int USERS = 10;
  private static final int PER_USER = 100;
  private Process child;

  @Override
  void afterGateway() {
    if (child != null) {
      child.destroyForcibly();
    }
  }

  @Test
  void killedInTheMiddleOfAThousandMessagesAndRestartedNothingIsLostOrDoubled() throws Exception {
    Connected connected = new Connected();
    List<UserSpec> users = new ArrayList<>();
    List<String> accounts = new ArrayList<>();
    List<List<String>> said = new ArrayList<>();
    for (int u = 0; u < USERS; u++) {
      UserSpec user = UserSpec.of(newUserId(), "Клиент", "Номер" + u, null);
      users.add(user);
      accounts.add(connected.firstContact(user, "клиент " + u + " начало"));
      said.add(new ArrayList<>(List.of("клиент " + u + " начало")));
    }

    gateway.stop();
    gateway = null;
    child = startChild(data.resolve("child.log"));

    for (int i = 1; i <= PER_USER; i++) {
      for (int u = 0; u < USERS; u++) {
        String text = "клиент " + u + " #" + i;
        said.get(u).add(text);
        connected.user(users.get(u)).sendsText(text);
      }
    }
    // mid-run: about a tenth has arrived
    awaitTextInLine(connected.line, accounts.get(USERS - 1), "клиент " + (USERS - 1) + " #10");
    child.destroyForcibly();
    assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
    long arrivedAtKill = arrived(connected);
    assertThat(arrivedAtKill).as("killed before the run was over").isLessThan(USERS * (PER_USER + 1L));
    System.out.printf("killed with %d of %d messages in the line%n", arrivedAtKill, USERS * (PER_USER + 1));

    clock.advance(Duration.ofMinutes(3));
    gateway = newGateway().start();

    for (int u = 0; u < USERS; u++) {
      oneConnect.inspection().awaitTranscriptSize(connected.line.id(), accounts.get(u), PER_USER + 1, Duration.ofSeconds(60));
    }
    for (int u = 0; u < USERS; u++) {
      assertThat(toLine(connected.line, accounts.get(u))).extracting(TranscriptEntry::text)
          .as("chat %d: every message once, in order (%d had arrived at the kill)", u, arrivedAtKill)
          .containsExactlyElementsOf(said.get(u));
    }
    assertThat(usersOf(clientOf(connected.bot))).hasSize(USERS);
    assertThat(admin("/admin/dead-letters").body()).isEqualTo("[]");
  }

  private long arrived(Connected connected) {
    return oneConnect.inspection().transcripts().stream()
        .filter(e -> e.lineId().equals(connected.line.id()) && e.direction() == TranscriptEntry.Direction.TO_LINE)
        .count();
  }

  private Process startChild(Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), GatewayProcessMain.class.getName(),
        "port=" + port, "data=" + data, "instance=e2e-1", "telegram=" + telegram.baseUrl(),
        "oneConnect=" + oneConnect.baseUrl(), "soap=" + oneConnect.soapUrl(), "managementLine=" + management.id(),
        "hookLogin=" + managementHook.login(), "hookPassword=" + managementHook.password().reveal())
        .redirectError(ProcessBuilder.Redirect.to(new File(log.toString())));
    Process process = builder.start();
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          if (line.equals("READY")) {
            ready.complete(null);
          }
        }
        ready.completeExceptionally(new AssertionError("the gateway process ended before it was ready; see " + log));
      } catch (Exception e) {
        ready.completeExceptionally(e);
      }
    }, "child-gateway-stdout");
    reader.setDaemon(true);
    reader.start();
    ready.get(60, TimeUnit.SECONDS);
    return process;
  }
}
