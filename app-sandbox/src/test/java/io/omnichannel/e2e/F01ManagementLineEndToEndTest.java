package io.omnichannel.e2e;

import static io.omnichannel.sandbox.scenario.ManagementChat.CONNECT;
import static io.omnichannel.sandbox.scenario.ManagementChat.DISCONNECT;
import static io.omnichannel.sandbox.scenario.ManagementChat.LIST;
import static io.omnichannel.sandbox.scenario.ManagementChat.buttons;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.sandbox.scenario.ManagementChat;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.BotInfo;
import org.junit.jupiter.api.Test;

/**
 * F1: the management line's digital menu, the free-text hint, back and cancel, and state across a
 * restart.
 */
class F01ManagementLineEndToEndTest extends EndToEndHarness {

  @Test
  void theMenuOffersTelegramAndItsThreeActions() {
    Tenant tenant = newTenant();
    tenant.line("Поддержка");

    TranscriptEntry start = tenant.say("Здравствуйте", "Пожалуйста, выберите пункт меню.");
    assertThat(start.text()).contains("Выберите канал, которым хотите управлять.");
    assertThat(buttons(start)).containsExactly("Telegram");

    TranscriptEntry menu = tenant.say("Telegram", "Telegram: выберите действие.");
    assertThat(buttons(menu)).containsExactly(CONNECT, DISCONNECT, LIST, "Назад");
    assertThat(menu.text()).doesNotContain("Пожалуйста, выберите пункт меню.");
  }

  @Test
  void freeTextReshowsTheCurrentMenuWithAHint() {
    Tenant tenant = newTenant();
    tenant.line("Поддержка");
    tenant.say("Telegram", "Telegram: выберите действие.");

    TranscriptEntry hint = tenant.say("как подключить бота?");
    assertThat(hint.text())
        .startsWith("Пожалуйста, выберите пункт меню.")
        .contains("Telegram: выберите действие.");
    assertThat(buttons(hint)).containsExactly(CONNECT, DISCONNECT, LIST, "Назад");

    tenant.say(CONNECT, "Выберите линию, к которой нужно подключить Telegram-бот.");
    TranscriptEntry lineHint = tenant.say("не знаю какую");
    assertThat(lineHint.text())
        .startsWith("Пожалуйста, выберите пункт меню.")
        .contains("Выберите линию, к которой нужно подключить Telegram-бот.");
    assertThat(buttons(lineHint)).containsExactly("Поддержка", "Назад", "Отмена");
  }

  @Test
  void backAndCancelWorkAtEveryStep() {
    Tenant tenant = newTenant();
    tenant.line("Поддержка");
    BotInfo bot = newBot("Ромашка");

    tenant.say("Telegram", "Telegram: выберите действие.");
    TranscriptEntry backToChannels =
        tenant.say("Назад", "Выберите канал, которым хотите управлять.");
    assertThat(buttons(backToChannels)).containsExactly("Telegram");

    tenant.say("Telegram", "Telegram: выберите действие.");
    tenant.say(CONNECT, "Выберите линию");
    tenant.say("Назад", "Telegram: выберите действие.");
    tenant.say(CONNECT, "Выберите линию");
    TranscriptEntry cancelled = tenant.say("Отмена", "Действие отменено.");
    assertThat(cancelled.text()).contains("Telegram: выберите действие.");

    tenant.say(CONNECT, "Выберите линию");
    TranscriptEntry token =
        tenant.say("Поддержка", "Линия «Поддержка». Отправьте токен Telegram-бота.");
    assertThat(buttons(token)).containsExactly("Назад", "Отмена");
    tenant.say("назад", "Выберите линию, к которой нужно подключить Telegram-бот.");
    tenant.say("Поддержка", "Отправьте токен");
    tenant.say("ОТМЕНА", "Действие отменено.");

    // a link already sent: cancel withdraws it
    String link = tenant.connectLink("Поддержка", bot);
    TranscriptEntry stillValid =
        tenant.say("что дальше?", "Ссылка, отправленная выше, действует 15 минут.");
    assertThat(stillValid.text()).startsWith("Пожалуйста, выберите пункт меню.");
    tenant.say("Отмена", "Действие отменено, ссылка больше не действует.");
    assertThat(gatewayHttp.get(link).body()).contains("Ссылка уже использована");
  }

  @Test
  void dialogStateSurvivesARestartMidWizard() throws Exception {
    Tenant tenant = newTenant();
    tenant.line("Поддержка");
    tenant.line("Продажи");
    BotInfo bot = newBot("Ромашка");
    tenant.say("Telegram", "Telegram: выберите действие.");
    tenant.say(CONNECT, "Выберите линию");
    tenant.say("Продажи", "Линия «Продажи». Отправьте токен Telegram-бота.");

    restartGateway();

    // the new gateway remembers the chosen line: the token goes on from there
    TranscriptEntry linkMessage =
        tenant.say(bot.token(), "Чтобы подключить бот @" + bot.username());
    assertThat(linkMessage.text()).contains("к линии «Продажи»");
    tenant.apiAccountFor("api-" + bot.username(), "pw");
    String link = ManagementChat.link(linkMessage.text());
    assertThat(gatewayHttp.submit(link, "api-" + bot.username(), "pw").status()).isEqualTo(200);
    tenant.awaitAnswer("Telegram-бот @" + bot.username() + " подключен к линии «Продажи».");
  }
}
