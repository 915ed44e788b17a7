package io.omnichannel.persistence;

import static io.omnichannel.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.SendingWindow;
import io.omnichannel.core.domain.SlotClaim;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * B2: the sending slots every instance on the database shares: at most n sends in any span of a
 * window, counted from when each ended; a claim that must wait takes nothing.
 */
abstract class SendingBudgetContract extends DatabaseTest {
  private static final Duration HELD = Duration.ofSeconds(30);
  private final SendingWindow bot = new SendingWindow("telegram:1", 3, Duration.ofSeconds(1));
  private final SendingWindow chat =
      new SendingWindow("telegram:1:-100", 2, Duration.ofSeconds(60));

  SendingBudgetContract(TestDatabase database) {
    super(database);
  }

  private SlotClaim claim(Persistence instance, Instant now, SendingWindow... windows) {
    return instance.sendingBudget().claim(List.of(windows), 1, now, now.plus(HELD));
  }

  @Test
  void aWindowTakesItsSlotsThenSaysWhenTheFirstFrees() {
    for (int i = 0; i < 2; i++) {
      SlotClaim granted = claim(db, T0, bot, chat);
      assertThat(granted).isInstanceOf(SlotClaim.Granted.class);
      db.sendingBudget().settle((SlotClaim.Granted) granted, T0.plusMillis(10 + i));
    }

    assertThat(claim(db, T0.plusSeconds(5), bot, chat))
        .isEqualTo(new SlotClaim.Wait(T0.plusMillis(10).plusSeconds(60)));
    assertThat(claim(db, T0.plusMillis(10).plusSeconds(60), bot, chat))
        .isInstanceOf(SlotClaim.Granted.class);
  }

  @Test
  void aSlotInFlightIsHeldUntilItsCallWouldHaveTimedOut() {
    claim(db, T0, chat);
    claim(db, T0, chat);

    assertThat(claim(db, T0.plusSeconds(5), chat)).isEqualTo(new SlotClaim.Wait(T0.plus(HELD)));
  }

  @Test
  void anotherInstanceSeesTheSameBudget() throws Exception {
    Persistence otherInstance = anotherInstance();
    for (int i = 0; i < 3; i++) {
      Persistence instance = i % 2 == 0 ? db : otherInstance;
      SlotClaim granted = claim(instance, T0, bot);
      instance.sendingBudget().settle((SlotClaim.Granted) granted, T0);
    }

    assertThat(claim(otherInstance, T0.plusMillis(500), bot))
        .isEqualTo(new SlotClaim.Wait(T0.plusSeconds(1)));
  }

  @Test
  void aPauseClosesEveryLaneOfTheWindowsUntilItEnds() {
    SlotClaim granted = claim(db, T0, bot, chat);
    db.sendingBudget().settle((SlotClaim.Granted) granted, T0);
    db.sendingBudget().pauseUntil(List.of(bot, chat), T0.plusSeconds(7));

    assertThat(claim(db, T0.plusSeconds(2), bot)).isEqualTo(new SlotClaim.Wait(T0.plusSeconds(7)));
  }

  @Test
  void instancesRacingForTheLastSlotsNeverTakeMoreThanTheWindowHas() throws Exception {
    Persistence otherInstance = anotherInstance();

    List<Concurrently.Outcome<SlotClaim>> outcomes =
        Concurrently.run(8, i -> () -> claim(i % 2 == 0 ? db : otherInstance, T0, bot));

    assertThat(outcomes).allMatch(Concurrently.Outcome::succeeded);
    assertThat(outcomes)
        .extracting(Concurrently.Outcome::value)
        .filteredOn(SlotClaim.Granted.class::isInstance)
        .hasSize(3);
  }
}
