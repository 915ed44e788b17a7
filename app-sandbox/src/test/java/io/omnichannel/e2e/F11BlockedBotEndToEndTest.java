package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.SentMessage;
import io.omnichannel.testkit.telegram.UserSpec;
import org.junit.jupiter.api.Test;

/**
 * F11: nothing is sent to a user who blocked the bot; the attempt is recorded and the specialist
 * told once.
 */
class F11BlockedBotEndToEndTest extends EndToEndHarness {

  @Test
  void aUserWhoBlockedTheBotGetsNothingAndTheSpecialistIsToldOnce() throws Exception {
    Connected connected = new Connected();
    UserSpec ivan = UserSpec.of(newUserId(), "Иван", "Петров", "ivan");
    String account = connected.firstContact(ivan, "Ответьте позже");
    double droppedBefore = gatewayHttp.metric("omnichannel_dropped_total", "reason", "bot_blocked");

    connected.user(ivan).blocksBot();
    connected.specialistWrites(account, "Иван, вы тут?");
    TranscriptEntry notice =
        supportLines.awaitText(connected.line, account, "пользователь заблокировал бота");
    assertThat(notice.text())
        .isEqualTo(
            "⚠️ Сообщение шлюза: пользователь заблокировал бота @"
                + connected.bot.username()
                + " в Telegram. Сообщения из 1С-Коннект ему не доставляются, пока он не разблокирует бота.");
    gatewayHttp.awaitMetric(
        droppedBefore + 1,
        "omnichannel_dropped_total",
        "reason",
        "bot_blocked",
        "direction",
        "to_channel");

    connected.specialistWrites(account, "Иван, ответьте, пожалуйста");
    connected.specialistWrites(account, "Иван?");
    gatewayHttp.awaitMetric(
        droppedBefore + 3,
        "omnichannel_dropped_total",
        "reason",
        "bot_blocked",
        "direction",
        "to_channel");
    assertThat(supportLines.fromUser(connected.line, account))
        .filteredOn(e -> e.text() != null && e.text().contains("заблокировал бота"))
        .hasSize(1);
    assertThat(telegram.sentMessages(connected.bot.token(), ivan.id())).isEmpty();

    // unblocked: the next answer goes through again
    connected.user(ivan).unblocksBot();
    connected.user(ivan).sendsText("Я снова здесь");
    supportLines.awaitText(connected.line, account, "Я снова здесь");
    connected.specialistWrites(account, "Отлично, продолжаем");
    SentMessage sent = telegram.awaitSent(connected.bot.token(), ivan.id(), 1, WAIT).get(0);
    assertThat(sent.text()).isEqualTo("Отлично, продолжаем");
    assertThat(supportLines.fromUser(connected.line, account))
        .filteredOn(e -> e.text() != null && e.text().contains("заблокировал бота"))
        .hasSize(1);
  }
}
