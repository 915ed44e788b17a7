package io.omnichannel.testkit.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FailureInjectorTest {
  private final FailureInjector<String> failures = new FailureInjector<>();

  @Test
  void aQueuedFailureHitsOnceTheFirstNameThatMatchesCaseInsensitively() {
    failures.failNext("t", "/messages", "any verb");
    failures.failNext("t", "post /MESSAGES", "post");

    assertThat(failures.failureFor("t", "POST /messages", "/messages")).isEqualTo("post");
    assertThat(failures.failureFor("t", "POST /messages", "/messages")).isEqualTo("any verb");
    assertThat(failures.failureFor("t", "POST /messages", "/messages")).isNull();
  }

  @Test
  void anyCallMatchesAfterTheNamedOnesAndOnlyForItsToken() {
    failures.failNext("t", FailureInjector.ANY, "any");

    assertThat(failures.failureFor("other", "getMe")).isNull();
    assertThat(failures.failureFor("t", "getMe")).isEqualTo("any");
  }

  @Test
  void anOutageWinsUntilItEndsAndResetClearsAll() {
    failures.failNext("t", "getMe", "next");
    failures.outage("down", Duration.ofHours(1));

    assertThat(failures.failureFor("t", "getMe")).isEqualTo("down");
    failures.reset();
    assertThat(failures.failureFor("t", "getMe")).isNull();
    failures.outage("over", Duration.ZERO);
    assertThat(failures.failureFor("t", "getMe")).isNull();
  }

  @Test
  void withoutADelayTheAnswerIsPassedOnAsItIs() {
    CompletableFuture<String> answer = CompletableFuture.completedFuture("ok");

    assertThat(failures.delayed(answer, null)).isSameAs(answer);
  }
}
