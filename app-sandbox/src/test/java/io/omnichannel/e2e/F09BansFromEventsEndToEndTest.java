package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.sandbox.scenario.GatewayHttp;
import io.omnichannel.sandbox.scenario.SupportLines;
import io.omnichannel.testkit.oneconnect.RecordedRequest;
import io.omnichannel.testkit.telegram.UserSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * F9 from events (#12): switching a user's line off in 1C-Connect reaches the gateway as a {@code
 * subscription} event on the connection's line hook and is recorded at once; the user's messages
 * are then dropped without a call to 1C-Connect, switching the line on lifts it, and a relayed
 * message costs one call (the delivery) instead of a SOAP ban check besides.
 */
class F09BansFromEventsEndToEndTest extends EndToEndHarness {
  private static final Duration BAN_EFFECT = Duration.ofSeconds(1);

  @Test
  void aBanTakesEffectFromItsEventWithinASecondAndARelayedMessageCostsOneCall() {
    Connected connected = new Connected();
    UserSpec ivan = UserSpec.of(newUserId(), "Иван", "Петров", "ivan");
    String ivanAccount = connected.firstContact(ivan, "до бана");
    String name = SupportLines.accountName(ivan);

    List<RecordedRequest> relayed = relayCalls(connected, ivan, ivanAccount, "одно сообщение");
    assertThat(relayed)
        .as("a relayed message costs one call to 1C-Connect, the delivery")
        .singleElement()
        .satisfies(call -> assertThat(call.path()).startsWith("/v1/line/receive/"));

    long switchedOff = System.nanoTime();
    oneConnect.world().ban(ivanAccount, connected.line.id());
    gatewayHttp.awaitBanRecorded(connected.bot, name, true);
    Duration banLatency = Duration.ofNanos(System.nanoTime() - switchedOff);
    assertThat(banLatency).as("from the event to the recorded ban").isLessThanOrEqualTo(BAN_EFFECT);

    long seq = lastRequest();
    double dropped = gatewayHttp.metric(GatewayHttp.DROPPED, "reason", "banned");
    connected.user(ivan).sendsText("после бана");
    gatewayHttp.awaitMetric(
        dropped + 1, GatewayHttp.DROPPED, "reason", "banned", "direction", "to_line");
    assertThat(requestsAfter(seq)).as("a banned user's message costs no call at all").isEmpty();

    long switchedOn = System.nanoTime();
    oneConnect.world().unban(ivanAccount, connected.line.id());
    gatewayHttp.awaitBanRecorded(connected.bot, name, false);
    Duration unbanLatency = Duration.ofNanos(System.nanoTime() - switchedOn);
    assertThat(unbanLatency).as("from the event to the lifted ban").isLessThanOrEqualTo(BAN_EFFECT);

    assertThat(relayCalls(connected, ivan, ivanAccount, "после разбана")).hasSize(1);
    assertThat(supportLines.fromUser(connected.line, ivanAccount))
        .extracting(entry -> entry.text())
        .containsExactly("до бана", "одно сообщение", "после разбана");
    System.out.printf(
        "F9 from events: ban recorded %d ms after the switch, lifted %d ms after%n",
        banLatency.toMillis(), unbanLatency.toMillis());
  }

  /** The user writes {@code text}; returns the calls to 1C-Connect its relay made. */
  private List<RecordedRequest> relayCalls(
      Connected connected, UserSpec user, String account, String text) {
    long seq = lastRequest();
    double relayed = gatewayHttp.metric(GatewayHttp.RELAYED, "direction", "to_line");
    connected.user(user).sendsText(text);
    supportLines.awaitText(connected.line, account, text);
    gatewayHttp.awaitMetric(relayed + 1, GatewayHttp.RELAYED, "direction", "to_line");
    return requestsAfter(seq);
  }

  private long lastRequest() {
    List<RecordedRequest> requests = oneConnect.inspection().requests();
    return requests.isEmpty() ? 0 : requests.get(requests.size() - 1).seq();
  }

  private List<RecordedRequest> requestsAfter(long seq) {
    return oneConnect.inspection().requests().stream().filter(r -> r.seq() > seq).toList();
  }
}
