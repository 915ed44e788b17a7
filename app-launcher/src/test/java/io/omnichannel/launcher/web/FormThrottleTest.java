package io.omnichannel.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FormThrottleTest {
  private final AtomicLong nanos = new AtomicLong();
  private final FormThrottle throttle =
      new FormThrottle(2, Duration.ofSeconds(6), 1_000, nanos::get);

  @Test
  void aBurstThenOneSubmitPerRefillPerAddress() {
    assertThat(throttle.take("10.0.0.1")).isEmpty();
    assertThat(throttle.take("10.0.0.1")).isEmpty();
    assertThat(throttle.take("10.0.0.1")).contains(Duration.ofSeconds(6));
    assertThat(throttle.take("10.0.0.2")).as("another address has its own bucket").isEmpty();

    nanos.addAndGet(Duration.ofSeconds(4).toNanos());
    assertThat(throttle.take("10.0.0.1")).contains(Duration.ofSeconds(2));
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(throttle.take("10.0.0.1")).isEmpty();
    assertThat(throttle.take("10.0.0.1")).isPresent();
  }

  @Test
  void manyAddressesCostBoundedMemory() {
    for (int i = 0; i < 100_000; i++) {
      throttle.take("addr-" + i);
    }

    assertThat(throttle.addresses()).isEqualTo(1_000);
  }
}
