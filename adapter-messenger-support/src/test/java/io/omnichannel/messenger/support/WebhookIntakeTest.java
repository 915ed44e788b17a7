package io.omnichannel.messenger.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.core.port.in.InboundGateway.Acceptance;
import io.omnichannel.messenger.support.WebhookIntake.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The intake reads a body only for a caller with the right secret, bounds it, keys the update as
 * the messenger says and answers OK only once the core stored it.
 */
class WebhookIntakeTest {
  private final StubGateway gateway = new StubGateway();
  private final WebhookIntake intake =
      new WebhookIntake(
          gateway,
          new ObjectMapper(),
          new WebhookIntake.Messenger(
              "Test",
              64,
              update ->
                  update != null && update.path("id").isTextual()
                      ? Optional.of(update.get("id").asText())
                      : Optional.empty(),
              update -> update.path("chat").asText("-"),
              text -> text.replace("token-1", "***")));

  private static WebhookIntake.Body body(String text) {
    return limit -> text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anUpdateIsStoredUnderItsKeyAndChatAsReceivedThenOk() {
    String update = "{\"id\":\"u-1\",\"chat\":\"42\"}";

    assertThat(intake.handle("c-1", "right", body(update))).isEqualTo(Verdict.OK);

    assertThat(gateway.stored)
        .singleElement()
        .satisfies(
            raw -> {
              assertThat(raw.sourceId()).isEqualTo("u-1");
              assertThat(raw.chatKey()).isEqualTo("42");
              assertThat(raw.payload()).isEqualTo(update);
            });
  }

  @Test
  void aWrongSecretIsRefusedWithoutReadingTheBody() {
    AtomicInteger reads = new AtomicInteger();
    WebhookIntake.Body watched =
        limit -> {
          reads.incrementAndGet();
          return new byte[0];
        };

    assertThat(intake.handle("c-1", "wrong", watched)).isEqualTo(Verdict.UNAUTHORIZED);
    assertThat(intake.handle("c-1", null, watched)).isEqualTo(Verdict.UNAUTHORIZED);
    assertThat(reads).hasValue(0);
  }

  @Test
  void theBodyIsReadUpToOneByteOverTheBoundAndABodyOverItIsRefusedUnparsed() {
    AtomicInteger asked = new AtomicInteger();
    WebhookIntake.Body big =
        limit -> {
          asked.set(limit);
          return new byte[limit];
        };

    assertThat(intake.handle("c-1", "right", big)).isEqualTo(Verdict.TOO_LARGE);
    assertThat(asked).hasValue(65);
    assertThat(gateway.stored).isEmpty();
  }

  @Test
  void garbageABrokenBodyAndABlankConnectionAreRefused() {
    assertThat(intake.handle("c-1", "right", body("garbage"))).isEqualTo(Verdict.BAD_REQUEST);
    assertThat(intake.handle("c-1", "right", body("{\"chat\":\"42\"}")))
        .isEqualTo(Verdict.BAD_REQUEST);
    assertThat(
            intake.handle(
                "c-1",
                "right",
                limit -> {
                  throw new IOException("connection reset");
                }))
        .isEqualTo(Verdict.BAD_REQUEST);
    assertThat(intake.handle(" ", "right", body("{\"id\":\"u-1\"}"))).isEqualTo(Verdict.NOT_FOUND);
    assertThat(gateway.stored).isEmpty();
  }

  @Test
  void whatTheCoreAnswersDecidesTheVerdictAndAStorageFailureAsksForARetry() {
    String update = "{\"id\":\"u-1\"}";
    gateway.answer = Acceptance.DUPLICATE;
    assertThat(intake.handle("c-1", "right", body(update))).isEqualTo(Verdict.OK);
    gateway.answer = Acceptance.DISCONNECTED;
    assertThat(intake.handle("c-1", "right", body(update))).isEqualTo(Verdict.OK);
    gateway.answer = Acceptance.INVALID;
    assertThat(intake.handle("c-1", "right", body(update))).isEqualTo(Verdict.BAD_REQUEST);
    gateway.answer = Acceptance.UNKNOWN_CONNECTION;
    assertThat(intake.handle("c-1", "right", body(update))).isEqualTo(Verdict.NOT_FOUND);
    gateway.failure = new IllegalStateException("database down for token-1");
    assertThat(intake.handle("c-1", "right", body(update))).isEqualTo(Verdict.UNAVAILABLE);
  }
}
