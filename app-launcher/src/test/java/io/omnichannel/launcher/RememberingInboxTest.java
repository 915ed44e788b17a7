package io.omnichannel.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.InboundKind;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.domain.failure.StorageUnavailable;
import io.omnichannel.core.fakes.InMemoryInbox;
import io.omnichannel.launcher.work.ForwardingEventInbox;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The second copy of an event (a connection's bot hook and line hook) costs the store nothing. */
class RememberingInboxTest {
  private final AtomicInteger stores = new AtomicInteger();
  private final CountDownLatch storing = new CountDownLatch(1);
  private volatile CountDownLatch release = new CountDownLatch(0);
  private volatile RuntimeException failure;
  private final InMemoryInbox rows = new InMemoryInbox();
  private final RememberingInbox inbox =
      new RememberingInbox(
          new ForwardingEventInbox(rows) {
            @Override
            public boolean store(InboundRecord record) {
              stores.incrementAndGet();
              storing.countDown();
              await(release);
              RuntimeException failing = failure;
              if (failing != null) {
                failure = null;
                throw failing;
              }
              return super.store(record);
            }
          });

  @Test
  void aCopyOfAStoredEventIsADuplicateWithoutAskingTheStore() {
    assertThat(inbox.store(event("platform:m-1"))).isTrue();

    assertThat(inbox.store(event("platform:m-1"))).isFalse();
    assertThat(stores).hasValue(1);
    assertThat(rows.rows()).hasSize(1);
  }

  @Test
  void anEventTheStoreKnewIsRememberedToo() {
    rows.store(event("platform:m-1"));

    assertThat(inbox.store(event("platform:m-1"))).isFalse();
    assertThat(inbox.store(event("platform:m-1"))).isFalse();
    assertThat(stores).hasValue(1);
  }

  @Test
  void otherEventsAreStoredAsEver() {
    inbox.store(event("platform:m-1"));

    assertThat(inbox.store(event("platform:m-2"))).isTrue();
    assertThat(stores).hasValue(2);
  }

  @Test
  void aCopyWhoseFirstFailedIsStoredItself() {
    failure = new StorageUnavailable("database down", new RuntimeException("x"));
    assertThatThrownBy(() -> inbox.store(event("platform:m-1")))
        .isInstanceOf(StorageUnavailable.class);

    assertThat(inbox.store(event("platform:m-1"))).isTrue();
    assertThat(rows.rows()).hasSize(1);
  }

  @Test
  void aCopyArrivingWhileTheFirstIsStoredWaitsForItsAnswer() throws Exception {
    release = new CountDownLatch(1);
    CompletableFuture<Boolean> first =
        CompletableFuture.supplyAsync(() -> inbox.store(event("platform:m-1")));
    assertThat(storing.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Boolean> second =
        CompletableFuture.supplyAsync(() -> inbox.store(event("platform:m-1")));
    release.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(second.get(10, TimeUnit.SECONDS)).isFalse();
    assertThat(stores).hasValue(1);
  }

  private static InboundRecord event(String id) {
    return new InboundRecord(
        InboundKind.LINE_EVENT,
        Optional.of(new ConnectionId("conn-1")),
        id,
        "conn-1/user-1",
        "{}",
        Instant.parse("2026-12-07T12:00:00Z"));
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
