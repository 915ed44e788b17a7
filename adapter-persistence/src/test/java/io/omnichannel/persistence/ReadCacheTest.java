package io.omnichannel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ReadCacheTest {
  private static final ConnectionId ID = new ConnectionId("c-1");
  private final AtomicLong nanos = new AtomicLong();
  private final ReadCache<ConnectionId, Connection> cache =
      new ReadCache<>(Duration.ofSeconds(2), nanos::get);
  private final AtomicInteger reads = new AtomicInteger();
  private final Connection connection = Fixtures.connection("company-1", "line-1", "1001");

  private Supplier<Optional<Connection>> database() {
    return () -> {
      reads.incrementAndGet();
      return Optional.of(connection);
    };
  }

  @Test
  void aConnectionIsReadOnceWhileYoungerThanItsTimeToLive() {
    cache.get(ID, database(), true);
    nanos.addAndGet(Duration.ofMillis(1999).toNanos());
    assertThat(cache.get(ID, database(), true)).contains(connection);
    assertThat(reads).hasValue(1);

    nanos.addAndGet(Duration.ofMillis(1).toNanos());
    cache.get(ID, database(), true);
    assertThat(reads).as("another instance's change shows after the time to live").hasValue(2);
  }

  @Test
  void aLocalChangeIsReadAtOnce() {
    cache.get(ID, database(), true);
    cache.invalidate();
    cache.get(ID, database(), true);
    assertThat(reads).hasValue(2);
  }

  @Test
  void aChangeForgetsOnlyTheEntriesItMakesStaleAndKeepsNoReadUnderWay() {
    ConnectionId other = new ConnectionId("c-2");
    cache.get(ID, database(), true);
    cache.get(other, database(), true);

    cache.get(
        new ConnectionId("c-3"),
        () -> {
          cache.invalidate(ID::equals);
          return Optional.of(connection);
        },
        true);
    cache.get(ID, database(), true);
    cache.get(other, database(), true);
    cache.get(new ConnectionId("c-3"), database(), true);

    assertThat(reads)
        .as("c-1 read again, c-2 kept, c-3 read under the change not kept")
        .hasValue(4);
  }

  @Test
  void whatWasReadWhileAChangeHappenedIsNotKept() {
    cache.get(
        ID,
        () -> {
          cache.invalidate(); // a change commits while the row is read
          return Optional.of(connection);
        },
        true);
    cache.get(ID, database(), true);
    assertThat(reads).hasValue(1);
  }

  @Test
  void whatIsReadInsideATransactionOrNotFoundIsNotKept() {
    cache.get(ID, database(), false);
    cache.get(ID, () -> Optional.empty(), true);
    cache.get(ID, database(), true);
    assertThat(reads).hasValue(2);
  }
}
