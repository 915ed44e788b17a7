package io.omnichannel.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static RetryPolicy policy(DoubleSupplier jitter) {
    return new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(30), 6, jitter);
  }

  @Test
  void delaysDoubleFromTheFirstUntilTheCap() {
    RetryPolicy topOfRange = policy(() -> 1.0);

    assertThat(topOfRange.delayAfter(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(topOfRange.delayAfter(2)).isEqualTo(Duration.ofSeconds(4));
    assertThat(topOfRange.delayAfter(3)).isEqualTo(Duration.ofSeconds(8));
    assertThat(topOfRange.delayAfter(4)).isEqualTo(Duration.ofSeconds(16));
    assertThat(topOfRange.delayAfter(5)).isEqualTo(Duration.ofSeconds(30));
    assertThat(topOfRange.delayAfter(6)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void theCapHoldsForAttemptNumbersThatWouldOverflow() {
    RetryPolicy topOfRange = policy(() -> 1.0);

    assertThat(topOfRange.delayAfter(64)).isEqualTo(Duration.ofSeconds(30));
    assertThat(topOfRange.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void jitterKeepsEachDelayBetweenHalfAndAllOfItsCeiling() {
    assertThat(policy(() -> 0.0).delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(policy(() -> 0.5).delayAfter(3)).isEqualTo(Duration.ofSeconds(6));
    assertThat(policy(() -> 0.999_999).delayAfter(3))
        .isBetween(Duration.ofMillis(7_999), Duration.ofSeconds(8));
    assertThat(policy(() -> 0.0).delayAfter(9)).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void aJitterSourceOutsideZeroToOneCannotLeaveTheRange() {
    assertThat(policy(() -> 7.0).delayAfter(3)).isEqualTo(Duration.ofSeconds(8));
    assertThat(policy(() -> -3.0).delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void attemptsRunOutAtMaxAttempts() {
    RetryPolicy policy = policy(() -> 0.5);

    assertThat(policy.exhausted(5)).isFalse();
    assertThat(policy.exhausted(6)).isTrue();
    assertThat(policy.exhausted(7)).isTrue();
  }

  @Test
  void theStandardPolicyWaitsAtMostTenMinutesAndGivesUpAfterTwelveAttempts() {
    RetryPolicy standard = RetryPolicy.standard();

    for (int attempt = 1; attempt < standard.maxAttempts(); attempt++) {
      assertThat(standard.delayAfter(attempt))
          .isPositive()
          .isLessThanOrEqualTo(Duration.ofMinutes(10));
    }
    assertThat(standard.exhausted(11)).isFalse();
    assertThat(standard.exhausted(12)).isTrue();
  }

  @Test
  void aPolicyThatCouldNeverWaitOrTryIsRejected() {
    assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), 3, () -> 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 3, () -> 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(3), 0, () -> 0.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
