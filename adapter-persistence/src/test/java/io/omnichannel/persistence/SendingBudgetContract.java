package io.omnichannel.persistence;

import static io.omnichannel.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.domain.SendingWindow;
import io.omnichannel.core.domain.SlotClaim;
import io.omnichannel.core.port.out.Claimed;
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
  private final SendingWindow privateChat =
      SendingWindow.tokenBucket("telegram:1:42", 3, Duration.ofSeconds(1));

  SendingBudgetContract(TestDatabase database) {
    super(database);
  }

  /** A claim, a wait as when it opens alone (what it says of the first window is tested apart). */
  private SlotClaim claim(Persistence instance, Instant now, SendingWindow... windows) {
    SlotClaim claim = instance.sendingBudget().claim(List.of(windows), 1, now, now.plus(HELD));
    return claim instanceof SlotClaim.Wait wait ? new SlotClaim.Wait(wait.opensAt()) : claim;
  }

  @Test
  void aWaitSaysWhenTheFirstWindowOpensWhenItIsFullItself() {
    for (int i = 0; i < 3; i++) {
      SlotClaim granted = i < 2 ? claim(db, T0, bot, chat) : claim(db, T0, bot, privateChat);
      db.sendingBudget().settle((SlotClaim.Granted) granted, T0.plusMillis(10 * (i + 1)));
    }
    Instant later = T0.plusMillis(100);
    SendingWindow otherChat = SendingWindow.tokenBucket("telegram:1:43", 3, Duration.ofSeconds(1));

    SlotClaim.Wait botFull =
        (SlotClaim.Wait)
            db.sendingBudget().claim(List.of(bot, otherChat), 1, later, later.plus(HELD));
    SlotClaim.Wait botKnownFull =
        (SlotClaim.Wait)
            db.sendingBudget().claim(List.of(bot, otherChat), 1, later, later.plus(HELD));

    // the rows waiting try again when the bot's first lane frees, and the bot may have one more
    // send as each of its lanes frees
    List<Instant> botLanes = List.of(T0.plusMillis(1010), T0.plusMillis(1020), T0.plusMillis(1030));
    assertThat(botFull).isEqualTo(new SlotClaim.Wait(T0.plusMillis(1010), botLanes));
    assertThat(botKnownFull).isEqualTo(new SlotClaim.Wait(T0.plusMillis(1010), botLanes));
    Instant botFree = T0.plusMillis(1030);
    SlotClaim.Wait chatOnly =
        (SlotClaim.Wait)
            db.sendingBudget().claim(List.of(bot, chat), 1, botFree, botFree.plus(HELD));
    assertThat(chatOnly)
        .as("only the group's window is full")
        .isEqualTo(new SlotClaim.Wait(T0.plusMillis(10).plusSeconds(60), List.of()));
  }

  /**
   * A settle rides with the commit of its row's completion (which follows the send at once):
   * written here as that completion would write it, so that other instances read it.
   */
  private static void settle(Persistence instance, SlotClaim.Granted granted, Instant ended) {
    instance.sendingBudget().settle(granted, ended);
    ((JdbcSendingBudget) instance.sendingBudget()).writeSettles();
  }

  @Test
  void aSendsSettleIsCommittedWithItsRowsCompletion() {
    Persistence otherInstance = anotherInstance();
    db.outbox().enqueue(Fixtures.outbound("-100", "answer"));
    Claimed<OutboxMessage> row = db.outbox().claimNext(T0, HELD).orElseThrow();
    SlotClaim.Granted granted = (SlotClaim.Granted) claim(db, T0, chat);

    db.sendingBudget().settle(granted, T0.plusMillis(10));
    db.outbox().complete(row);

    assertThat(claim(otherInstance, T0.plusSeconds(1), chat)).isInstanceOf(SlotClaim.Granted.class);
    assertThat(claim(otherInstance, T0.plusSeconds(2), chat))
        .as("both lanes taken, the first settled")
        .isEqualTo(new SlotClaim.Wait(T0.plusMillis(10).plusSeconds(60)));
  }

  @Test
  void aWindowTakesItsSlotsThenSaysWhenTheFirstFrees() {
    for (int i = 0; i < 2; i++) {
      SlotClaim granted = claim(db, T0, bot, chat);
      assertThat(granted).isInstanceOf(SlotClaim.Granted.class);
      settle(db, (SlotClaim.Granted) granted, T0.plusMillis(10 + i));
    }

    assertThat(claim(db, T0.plusSeconds(5), bot, chat))
        .isEqualTo(new SlotClaim.Wait(T0.plusMillis(10).plusSeconds(60)));
    assertThat(claim(db, T0.plusMillis(10).plusSeconds(60), bot, chat))
        .isInstanceOf(SlotClaim.Granted.class);
  }

  @Test
  void aSlotInFlightIsHeldAWindowsSpanPastItsCallsTimeout() {
    Persistence otherInstance = anotherInstance();
    claim(db, T0, chat);
    claim(db, T0, chat);

    // never settled (their instance died): each counts as ending when its call would have timed
    // out, its lane free a span later (the send may have reached the group at once)
    Instant freeAgain = T0.plus(HELD).plus(chat.span());
    assertThat(claim(otherInstance, T0.plus(HELD).plusSeconds(1), chat))
        .isInstanceOf(SlotClaim.Wait.class);
    assertThat(claim(otherInstance, freeAgain.plusMillis(2), chat))
        .isInstanceOf(SlotClaim.Granted.class);
  }

  /**
   * Every row waiting for a full window tries again when its first lane frees (the outbox lets one
   * claim through per lane that frees): a row given a later lane waited for it while the first, its
   * row gone elsewhere, stayed unused.
   */
  @Test
  void rowsWaitingForAFullWindowTryAgainWhenItsFirstLaneFrees() {
    for (int i = 0; i < 3; i++) {
      SlotClaim granted = claim(db, T0, bot);
      settle(db, (SlotClaim.Granted) granted, T0.plusMillis(10 * (i + 1)));
    }
    Instant later = T0.plusMillis(100);

    assertThat(List.of(claim(db, later, bot), claim(db, later, bot), claim(db, later, bot)))
        .containsOnly(new SlotClaim.Wait(T0.plusMillis(1010)));
    assertThat(claim(db, T0.plusMillis(1010), bot)).isInstanceOf(SlotClaim.Granted.class);
    assertThat(claim(db, T0.plusMillis(1010), bot))
        .as("the next lane frees 10 ms later")
        .isEqualTo(new SlotClaim.Wait(T0.plusMillis(1020)));
  }

  @Test
  void aLaneInFlightIsExpectedToFreeASpanAfterItWasSeen() throws Exception {
    SendingWindow group = new SendingWindow("telegram:1:-200", 2, Duration.ofSeconds(3));
    SlotClaim first = claim(db, T0, group);
    settle(db, (SlotClaim.Granted) first, T0.plusMillis(10));
    claim(db, T0.plusMillis(20), group); // in flight

    Persistence otherInstance = anotherInstance();
    Instant seen = T0.plusMillis(30);
    assertThat(otherInstance.sendingBudget().claim(List.of(group), 1, seen, seen.plus(HELD)))
        .as("its lanes open when the settled send's span ends, and a span after the one in flight")
        .isEqualTo(
            new SlotClaim.Wait(
                T0.plusMillis(3010), List.of(T0.plusMillis(3010), T0.plusMillis(3030))));
  }

  @Test
  void aClaimThatLostOneOfItsWindowsGivesBackTheOthers() throws Exception {
    Persistence otherInstance = anotherInstance();
    List<SendingWindow> chats =
        java.util.stream.IntStream.range(0, 8)
            .mapToObj(i -> new SendingWindow("telegram:1:" + (1000 + i), 1, Duration.ofHours(1)))
            .toList();

    List<Concurrently.Outcome<SlotClaim>> outcomes =
        Concurrently.run(
            8, i -> () -> claim(i % 2 == 0 ? db : otherInstance, T0, bot, chats.get(i)));

    assertThat(outcomes).allMatch(Concurrently.Outcome::succeeded);
    for (int i = 0; i < chats.size(); i++) {
      boolean granted = outcomes.get(i).value() instanceof SlotClaim.Granted;
      // a chat's only lane is taken for an hour by a grant, else it is free
      assertThat(claim(anotherInstance(), T0, chats.get(i)))
          .as("chat %d after a claim that was %s", i, granted ? "granted" : "refused")
          .isInstanceOf(granted ? SlotClaim.Wait.class : SlotClaim.Granted.class);
    }
  }

  /**
   * Two claims racing for a bot's lane may want it to hold the same moment (their claims began in
   * the same microsecond): the loser, giving back the chat's lane it took, must not give back the
   * winner's — a third claim would take it while the winner's send is in flight (a 429: 31 sends in
   * a second, seen in the pacing benchmark about once in five runs with six bots).
   */
  @Test
  void aClaimGivingBackWhatItTookLeavesALaneAnotherClaimTookAtTheSameMoment() {
    JdbcSendingBudget budget = (JdbcSendingBudget) db.sendingBudget();
    Instant free = Instant.EPOCH;
    Instant inFlight = T0.plus(HELD);
    JdbcSendingBudget.Swap winnersBot =
        new JdbcSendingBudget.Swap("telegram:1", 0, free, inFlight, true, 1);
    JdbcSendingBudget.Swap winnersChat =
        new JdbcSendingBudget.Swap("telegram:1:42", 0, free, inFlight, true, 1);
    assertThat(budget.take(List.of(winnersBot, winnersChat))).isTrue();
    // the loser read the bot's lane free as it was before, its own chat's lane taken already
    budget.take(List.of(new JdbcSendingBudget.Swap("telegram:1:43", 0, free, inFlight, true, 2)));
    JdbcSendingBudget.Swap losersBot =
        new JdbcSendingBudget.Swap("telegram:1", 0, free, inFlight, false, 3);
    JdbcSendingBudget.Swap losersChat =
        new JdbcSendingBudget.Swap("telegram:1:43", 0, inFlight, inFlight, false, 3);

    assertThat(budget.take(List.of(losersBot, losersChat))).isFalse();

    SendingWindow oneLane = new SendingWindow("telegram:1", 1, Duration.ofSeconds(1));
    assertThat(claim(db, T0, oneLane))
        .as("the bot's only lane, still the winner's")
        .isInstanceOf(SlotClaim.Wait.class);
  }

  @Test
  void lanesFreeLongAgoArePurgedAndMadeAgainWhenTheirWindowIsUsed() {
    SlotClaim granted = claim(db, T0, bot, chat);
    settle(db, (SlotClaim.Granted) granted, T0);
    claim(db, T0, bot); // in flight until T0 + 30 s

    // the bot's lane freed at T0 + 1 s (the lanes never taken — the bot's third, the group's
    // second — have no row: a lane is written once taken)
    assertThat(db.purgeCompleted(T0.plusSeconds(2))).isEqualTo(1);

    Instant later = T0.plusSeconds(3);
    assertThat(claim(db, later, bot)).isInstanceOf(SlotClaim.Granted.class);
    assertThat(claim(db, later, bot)).isInstanceOf(SlotClaim.Granted.class);
    assertThat(claim(db, later, bot)).as("the lane in flight").isInstanceOf(SlotClaim.Wait.class);
  }

  @Test
  void anotherInstanceSeesTheSameBudget() throws Exception {
    Persistence otherInstance = anotherInstance();
    for (int i = 0; i < 3; i++) {
      Persistence instance = i % 2 == 0 ? db : otherInstance;
      SlotClaim granted = claim(instance, T0, bot);
      settle(instance, (SlotClaim.Granted) granted, T0);
    }

    assertThat(claim(otherInstance, T0.plusMillis(500), bot))
        .isEqualTo(new SlotClaim.Wait(T0.plusSeconds(1)));
  }

  @Test
  void aPrivateChatsBucketLetsItsBurstGoThenOnePerRefillWhicheverInstanceSends() throws Exception {
    Persistence otherInstance = anotherInstance();
    for (int i = 0; i < 3; i++) {
      Persistence instance = i % 2 == 0 ? db : otherInstance;
      SlotClaim granted = claim(instance, T0.plusMillis(10 * i), privateChat);
      assertThat(granted).as("send %d of the burst", i + 1).isInstanceOf(SlotClaim.Granted.class);
      settle(instance, (SlotClaim.Granted) granted, T0.plusMillis(10 * i + 5));
    }

    // one slot back a refill after the first send ended, then one per refill
    assertThat(claim(otherInstance, T0.plusMillis(30), bot, privateChat))
        .isEqualTo(new SlotClaim.Wait(T0.plusMillis(1005)));
    SlotClaim fourth = claim(db, T0.plusMillis(1005), bot, privateChat);
    assertThat(fourth).isInstanceOf(SlotClaim.Granted.class);
    settle(db, (SlotClaim.Granted) fourth, T0.plusMillis(1010));
    assertThat(claim(otherInstance, T0.plusMillis(1500), privateChat))
        .isEqualTo(new SlotClaim.Wait(T0.plusMillis(2005)));
  }

  @Test
  void aBucketsSendInFlightCountsAsEndingARefillAfterItsClaimNotWhenItsCallWouldTimeOut() {
    // two sends claimed and never settled: their instance died mid-call (calls time out in 30 s)
    assertThat(claim(db, T0, privateChat)).isInstanceOf(SlotClaim.Granted.class);
    assertThat(claim(db, T0, privateChat)).isInstanceOf(SlotClaim.Granted.class);

    // each counts as ending a refill after its claim at the latest: the chat flows again a refill
    // later, not after the calls' timeout (a bucket of 3: the third send goes once one refilled)
    Instant opensAt = ((SlotClaim.Wait) claim(db, T0.plusMillis(10), privateChat)).opensAt();
    assertThat(opensAt).isBetween(T0.plusSeconds(1), T0.plusSeconds(1).plusMillis(1));
    assertThat(opensAt).isBefore(T0.plus(HELD));
    assertThat(claim(db, opensAt.plusMillis(1), privateChat)).isInstanceOf(SlotClaim.Granted.class);
  }

  @Test
  void aPauseClosesEveryLaneOfTheWindowsUntilItEnds() {
    SlotClaim granted = claim(db, T0, bot, chat);
    settle(db, (SlotClaim.Granted) granted, T0);
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
