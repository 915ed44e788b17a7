package io.omnichannel.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.failure.StorageUnavailable;
import io.omnichannel.core.port.in.InboundGateway.Acceptance;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The second copy of a line event (bot hook and line hook) costs the store nothing. */
class HookCopiesTest {
  private static final Supplier<Acceptance> NEVER =
      () -> {
        throw new AssertionError("the store was asked for a copy");
      };

  private final HookCopies copies = new HookCopies();

  @Test
  void aCopyOfAStoredEventIsADuplicateWithoutAskingTheStore() {
    assertThat(copies.accept("c/m-1", () -> Acceptance.STORED)).isEqualTo(Acceptance.STORED);

    assertThat(copies.accept("c/m-1", NEVER)).isEqualTo(Acceptance.DUPLICATE);
  }

  @Test
  void anEventKnownToTheStoreIsRememberedToo() {
    assertThat(copies.accept("c/m-1", () -> Acceptance.DUPLICATE)).isEqualTo(Acceptance.DUPLICATE);

    assertThat(copies.accept("c/m-1", NEVER)).isEqualTo(Acceptance.DUPLICATE);
  }

  @Test
  void otherEventsAndOtherHooksAreStoredAsEver() {
    copies.accept("c/m-1", () -> Acceptance.STORED);

    assertThat(copies.accept("c/m-2", () -> Acceptance.STORED)).isEqualTo(Acceptance.STORED);
    assertThat(copies.accept("d/m-1", () -> Acceptance.STORED)).isEqualTo(Acceptance.STORED);
  }

  @Test
  void aCopyWhoseFirstFailedIsStoredItself() {
    assertThatThrownBy(
            () ->
                copies.accept(
                    "c/m-1",
                    () -> {
                      throw new StorageUnavailable("database down", new RuntimeException("x"));
                    }))
        .isInstanceOf(StorageUnavailable.class);

    assertThat(copies.accept("c/m-1", () -> Acceptance.STORED)).isEqualTo(Acceptance.STORED);
  }

  @Test
  void anEventAnsweredOtherwiseIsNotRemembered() {
    copies.accept("c/m-1", () -> Acceptance.DISCONNECTED);

    assertThat(copies.accept("c/m-1", () -> Acceptance.STORED)).isEqualTo(Acceptance.STORED);
  }

  @Test
  void aCopyArrivingWhileTheFirstIsStoredTakesItsAnswer() throws Exception {
    CountDownLatch storing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Acceptance> first =
        CompletableFuture.supplyAsync(
            () ->
                copies.accept(
                    "c/m-1",
                    () -> {
                      storing.countDown();
                      await(release);
                      return Acceptance.STORED;
                    }));
    assertThat(storing.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Acceptance> second =
        CompletableFuture.supplyAsync(() -> copies.accept("c/m-1", NEVER));
    release.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(Acceptance.STORED);
    assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(Acceptance.DUPLICATE);
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError(interrupted);
    }
  }
}
