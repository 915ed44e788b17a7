package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.sandbox.scenario.SupportLines;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.UserSpec;
import org.junit.jupiter.api.Test;

/**
 * F9: an account whose line is switched off in 1C-Connect: its messages are dropped (recorded), not
 * delivered.
 */
class F09BansEndToEndTest extends EndToEndHarness {

  @Test
  void messagesOfABannedAccountAreDroppedAndRecorded() throws Exception {
    Connected connected = new Connected();
    UserSpec ivan = UserSpec.of(newUserId(), "Иван", "Петров", "ivan");
    UserSpec maria = UserSpec.of(newUserId(), "Мария", "Соколова", "maria");
    String ivanAccount = connected.firstContact(ivan, "до бана");
    String mariaAccount = connected.firstContact(maria, "я не забанена");
    double droppedBefore = gatewayHttp.metric("omnichannel_dropped_total", "reason", "banned");

    oneConnect.world().ban(ivanAccount, connected.line.id());
    connected.user(ivan).sendsText("после бана");
    gatewayHttp.awaitMetric(
        droppedBefore + 1, "omnichannel_dropped_total", "reason", "banned", "direction", "to_line");
    connected.user(maria).sendsText("а мои сообщения доходят");
    supportLines.awaitText(connected.line, mariaAccount, "а мои сообщения доходят");

    oneConnect.world().unban(ivanAccount, connected.line.id());
    // the gateway learns of the unban from 1C-Connect's subscription event, a moment later
    gatewayHttp.awaitBanRecorded(connected.bot, SupportLines.accountName(ivan), false);
    connected.user(ivan).sendsText("после разбана");
    supportLines.awaitText(connected.line, ivanAccount, "после разбана");
    assertThat(supportLines.fromUser(connected.line, ivanAccount))
        .extracting(TranscriptEntry::text)
        .containsExactly("до бана", "после разбана");
    assertThat(telegram.sentMessages(connected.bot.token(), ivan.id()))
        .as("a ban is silent for the user")
        .isEmpty();
  }
}
