package io.omnichannel.messenger.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.SendingWindow;
import io.omnichannel.core.domain.failure.AwaitingSlot;
import io.omnichannel.core.fakes.InMemorySendingBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetedSendsTest {
  private static final Instant RETURNED = Instant.parse("2026-12-07T12:00:00Z");
  private static final SendingWindow BOT = new SendingWindow("bot", 1, Duration.ofSeconds(1));
  private static final SendingWindow CHAT =
      SendingWindow.tokenBucket("chat", 1, Duration.ofSeconds(1));

  private final InMemorySendingBudget budget = new InMemorySendingBudget();

  @Test
  void aSlotCountsFromAMillisecondAfterItsCallReturnedSoThatAClockStepCannotBringTheNextEarly() {
    new BudgetedSends(budget, Clock.fixed(RETURNED, ZoneOffset.UTC))
        .send(List.of(BOT, CHAT), Duration.ofSeconds(5), List.of(() -> {}));
    Instant aSecondLater = RETURNED.plusSeconds(1);

    assertThatThrownBy(
            () ->
                new BudgetedSends(budget, Clock.fixed(aSecondLater, ZoneOffset.UTC))
                    .send(List.of(BOT, CHAT), Duration.ofSeconds(5), List.of(() -> {})))
        .isInstanceOfSatisfying(
            AwaitingSlot.class,
            waiting ->
                assertThat(waiting.opensAt())
                    .isEqualTo(aSecondLater.plus(BudgetedSends.CLOCK_MARGIN)));
  }
}
