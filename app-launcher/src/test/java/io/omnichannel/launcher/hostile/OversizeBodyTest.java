package io.omnichannel.launcher.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.launcher.hostile.RawHttp.Answer;
import io.omnichannel.launcher.hostile.RawHttp.Streamed;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every endpoint that takes a body stops reading at its limit, chunked or declared, and checks the
 * caller before it reads anything: one request cannot take the memory, a stranger's body is never
 * read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OversizeBodyTest {
  private static final long HUGE = 200 * Heap.MIB;

  /** An endpoint that takes a body, with the most it takes and what a stranger gets. */
  enum Target {
    TELEGRAM_HOOK(1 << 20, 401),
    LINE_HOOK(1 << 20, 401),
    MANAGEMENT_HOOK(1 << 20, 401),
    CONFIRMATION_FORM(8 << 10, 409);

    final int limit;
    final int strangerStatus;

    Target(int limit, int strangerStatus) {
      this.limit = limit;
      this.strangerStatus = strangerStatus;
    }
  }

  private GatewayUnderAttack world;
  private RawHttp raw;

  @BeforeAll
  void start() throws Exception {
    world = GatewayUnderAttack.onH2();
    raw = new RawHttp(world.port);
  }

  @AfterAll
  void stop() {
    world.close();
  }

  @ParameterizedTest
  @EnumSource(Target.class)
  void a200MibChunkedBodyIs413OnceItPassesTheLimitAndTheHeapDoesNotGrow(Target target)
      throws Exception {
    byte[] chunk = new byte[64 << 10];
    Arrays.fill(chunk, (byte) 'a');
    long heapBefore = Heap.usedAfterGc();
    Map<Long, Long> allocatedBefore = Heap.allocatedByServerThreads();

    Streamed streamed =
        raw.streamChunked(head(target, true, "Transfer-Encoding: chunked\r\n"), chunk, HUGE);

    long allocated = Heap.allocatedSince(allocatedBefore);
    long growth = Heap.usedAfterGc() - heapBefore;
    System.out.printf(
        "200 MiB chunked to %s: %d after %d ms, server threads allocated %s, heap after GC grew"
            + " %s%n",
        target,
        streamed.answer().status(),
        streamed.millis(),
        Heap.mib(allocated),
        Heap.mib(growth));
    assertThat(streamed.answer().status()).as(streamed.answer().head()).isEqualTo(413);
    assertThat(allocated).as("allocated by the server's threads").isLessThan(8 * Heap.MIB);
    assertThat(growth).as("heap growth after GC").isLessThan(8 * Heap.MIB);
    assertThat(world.get("/health/live").statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @EnumSource(Target.class)
  void aDeclaredLengthOverTheLimitIs413BeforeTheBodyIsSent(Target target) throws Exception {
    Answer answer =
        raw.withBodyStart(
            head(target, true, "Content-Length: " + (target.limit + 1) + "\r\n"), "{", 5_000);

    assertThat(answer.status()).as(answer.head()).isEqualTo(413);
  }

  @ParameterizedTest
  @EnumSource(Target.class)
  void aBodyOfExactlyTheLimitIsReadAndAnsweredOnItsMerits(Target target) throws Exception {
    byte[] body = new byte[target.limit];
    Arrays.fill(body, (byte) ' ');
    byte[] start =
        (target == Target.CONFIRMATION_FORM ? "login=x&password=y&pad=" : "{\"pad\":1}")
            .getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(start, 0, body, 0, start.length);

    Answer chunked =
        raw.exchange(
            concat(
                head(target, true, "Transfer-Encoding: chunked\r\n"),
                chunked(body),
                "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
    Answer declared =
        raw.exchange(concat(head(target, true, "Content-Length: " + body.length + "\r\n"), body));

    assertThat(chunked.status()).as(chunked.head()).isBetween(400, 499).isNotEqualTo(413);
    assertThat(declared.status()).as(declared.head()).isEqualTo(chunked.status());
  }

  @ParameterizedTest
  @EnumSource(Target.class)
  void aStrangerIsAnsweredBeforeTheBodyIsSent(Target target) throws Exception {
    Answer declared =
        raw.withBodyStart(head(target, false, "Content-Length: 1000\r\n"), "{\"update", 5_000);
    Answer chunked =
        raw.withBodyStart(
            head(target, false, "Transfer-Encoding: chunked\r\n"), "8\r\n{\"update\r\n", 5_000);

    assertThat(declared.status()).as(declared.head()).isEqualTo(target.strangerStatus);
    assertThat(chunked.status()).as(chunked.head()).isEqualTo(target.strangerStatus);
  }

  /** The request line and headers, with the right credentials or a stranger's. */
  private String head(Target target, boolean rightCredentials, String framing) {
    String path;
    String credentials;
    switch (target) {
      case TELEGRAM_HOOK -> {
        path = "/hooks/telegram/" + world.connectionId;
        credentials =
            "X-Telegram-Bot-Api-Secret-Token: "
                + (rightCredentials ? world.webhookSecret : "not-the-secret")
                + "\r\n";
      }
      case LINE_HOOK -> {
        path = "/hooks/oneconnect/" + world.connectionId;
        credentials =
            basic(
                world.lineHook.backAuth().login(),
                rightCredentials ? world.lineHook.backAuth().password() : "guess");
      }
      case MANAGEMENT_HOOK -> {
        path = "/hooks/oneconnect/management";
        credentials =
            basic(
                world.managementHook.login(),
                rightCredentials ? world.managementHook.password().reveal() : "guess");
      }
      default -> {
        path = "/confirm/" + (rightCredentials ? world.pendingLinkToken() : "no-such-link");
        credentials = "";
      }
    }
    String type =
        target == Target.CONFIRMATION_FORM
            ? "application/x-www-form-urlencoded"
            : "application/json";
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: "
        + type
        + "\r\n"
        + credentials
        + framing
        + "\r\n";
  }

  private static String basic(String login, String password) {
    return "Authorization: Basic "
        + Base64.getEncoder()
            .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8))
        + "\r\n";
  }

  private static byte[] chunked(byte[] body) {
    return concat(
        (Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII),
        body,
        "\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] concat(String head, byte[]... parts) {
    byte[][] all = new byte[parts.length + 1][];
    all[0] = head.getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(parts, 0, all, 1, parts.length);
    return concat(all);
  }

  private static byte[] concat(byte[]... parts) {
    int length = Arrays.stream(parts).mapToInt(part -> part.length).sum();
    byte[] joined = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, joined, at, part.length);
      at += part.length;
    }
    return joined;
  }
}
