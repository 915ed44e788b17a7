package io.omnichannel.e2e;

import static io.omnichannel.sandbox.scenario.ManagementChat.CONNECT;
import static io.omnichannel.sandbox.scenario.ManagementChat.buttons;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.sandbox.scenario.GatewayHttp.Page;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.LineAvailability;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.BotInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** F2: the connect wizard — paged line choice, token checks, the one-time link and its page. */
class F02ConnectWizardEndToEndTest extends EndToEndHarness {

  @Test
  void onlyEligibleLinesAreOfferedFivePerPageWithArrows() {
    Tenant tenant = newTenant();
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      names.add(String.format("Линия %02d", i));
      tenant.line(names.get(i - 1));
    }
    tenant.line("Только специалисты", LineAvailability.SPECIALISTS_ONLY);
    tenant.line("Только клиенты", LineAvailability.CLIENTS_ONLY);
    newTenant().line("Линия 00 чужой компании");

    tenant.say("Telegram", "Telegram: выберите действие.");
    TranscriptEntry first =
        tenant.say(
            CONNECT, "Выберите линию, к которой нужно подключить Telegram-бот. Страница 1 из 3.");
    assertThat(buttons(first))
        .containsExactly(
            names.get(0),
            names.get(1),
            names.get(2),
            names.get(3),
            names.get(4),
            "▶",
            "Назад",
            "Отмена");
    TranscriptEntry second = tenant.say("▶", "Страница 2 из 3.");
    assertThat(buttons(second))
        .containsExactly(
            names.get(5),
            names.get(6),
            names.get(7),
            names.get(8),
            names.get(9),
            "◀",
            "▶",
            "Назад",
            "Отмена");
    TranscriptEntry third = tenant.say("▶", "Страница 3 из 3.");
    assertThat(buttons(third))
        .containsExactly(names.get(10), names.get(11), "◀", "Назад", "Отмена");
    TranscriptEntry stay = tenant.say("▶", "Страница 3 из 3.");
    assertThat(stay.text()).startsWith("Пожалуйста, выберите пункт меню.");
    tenant.say("◀", "Страница 2 из 3.");
    // a line of another page is not a button here
    TranscriptEntry notHere = tenant.say("Линия 01", "Пожалуйста, выберите пункт меню.");
    assertThat(notHere.text()).contains("Страница 2 из 3.");
    tenant.say("Линия 07", "Линия «Линия 07». Отправьте токен Telegram-бота.");
  }

  @Test
  void wrongRevokedAndAlreadyConnectedTokensGetClearAnswers() throws Exception {
    Tenant tenant = newTenant();
    Line support = tenant.line("Поддержка");
    Line sales = tenant.line("Продажи");
    tenant.apiAccount("api-" + support.id(), "pw", support, sales);
    BotInfo connected = newBot("Ромашка");
    tenant.connect(support, connected, "api-" + support.id(), "pw");

    tenant.say(CONNECT, "Выберите линию");
    tenant.say("Продажи", "Отправьте токен");
    TranscriptEntry format = tenant.say("это не токен", "Это не похоже на токен бота.");
    assertThat(buttons(format)).containsExactly("Назад", "Отмена");
    tenant.say("12345:short", "Это не похоже на токен бота.");

    BotInfo revoked = newBot("Отозванный");
    telegram.revokeToken(revoked.token());
    tenant.say(revoked.token(), "Telegram не принял этот токен: бот не найден или токен отозван.");

    tenant.say(
        connected.token(),
        "Бот @"
            + connected.username()
            + " уже подключен к линии «Поддержка». "
            + "Один Telegram-бот можно подключить только к одной линии.");

    // still at the token step: a good token goes on
    BotInfo fresh = newBot("Продажи");
    TranscriptEntry link = tenant.say(fresh.token(), "Чтобы подключить бот @" + fresh.username());
    assertThat(link.text())
        .contains("к линии «Продажи»")
        .contains("Ссылка действует 15 минут и открывается один раз.");
  }

  @Test
  void theLinkWorksOnceAndTheConfirmationPageIsNotCached() throws Exception {
    Tenant tenant = newTenant();
    Line support = tenant.line("Поддержка");
    tenant.apiAccount("api-" + support.id(), "pw", support);
    BotInfo bot = newBot("Ромашка");
    String link = tenant.connectLink("Поддержка", bot);

    Page page = gatewayHttp.get(link);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(page.body())
        .contains("Подключение Telegram-бота")
        .contains("@" + bot.username())
        .contains("«Поддержка»")
        .contains("name=\"login\"")
        .contains("name=\"password\"");

    Page wrong = gatewayHttp.submit(link, "api-" + support.id(), "не тот");
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.body()).contains("Неверный логин или пароль учетной записи API.");

    assertThat(gatewayHttp.submit(link, "api-" + support.id(), "pw").status()).isEqualTo(200);
    tenant.awaitAnswer("подключен к линии «Поддержка».");

    Page again = gatewayHttp.get(link);
    assertThat(again.status()).isEqualTo(410);
    assertThat(again.body()).contains("Ссылка уже использована");
    Page postedAgain = gatewayHttp.submit(link, "api-" + support.id(), "pw");
    assertThat(postedAgain.status()).isEqualTo(409);
    assertThat(postedAgain.body()).contains("Ссылка уже использована.");
    Page unknown = gatewayHttp.get(link.substring(0, link.length() - 3) + "xyz");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("Ссылка не найдена");
  }

  @Test
  void anExpiredLinkIsRefused() throws Exception {
    Tenant tenant = newTenant();
    Line support = tenant.line("Поддержка");
    tenant.apiAccount("api-" + support.id(), "pw", support);
    String link = tenant.connectLink("Поддержка", newBot("Ромашка"));
    assertThat(gatewayHttp.get(link).status()).isEqualTo(200);

    clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    try {
      Page page = gatewayHttp.get(link);
      assertThat(page.status()).isEqualTo(410);
      assertThat(page.body()).contains("Ссылка устарела").contains("Срок действия ссылки истек");
      Page posted = gatewayHttp.submit(link, "api-" + support.id(), "pw");
      assertThat(posted.status()).isEqualTo(409);
      assertThat(posted.body()).contains("Срок действия ссылки истек.");
    } finally {
      clock.reset();
    }
  }

  @Test
  void aLinkIsRefusedForTheApiAccountOfAnotherCompany() throws Exception {
    Tenant tenant = newTenant();
    Line support = tenant.line("Поддержка");
    tenant.apiAccount("api-" + support.id(), "pw", support);
    Tenant other = newTenant();
    Line theirs = other.line("Их линия");
    other.apiAccount("api-other-" + theirs.id(), "pw2", theirs);
    BotInfo bot = newBot("Ромашка");
    String link = tenant.connectLink("Поддержка", bot);

    Page foreign = gatewayHttp.submit(link, "api-other-" + theirs.id(), "pw2");
    assertThat(foreign.status()).isEqualTo(422);
    // the same answer as a wrong password: the form tells nothing about other companies' accounts
    assertThat(foreign.body())
        .contains("Неверный логин или пароль учетной записи API.")
        .doesNotContain("другой компании");
    assertThat(oneConnect.world().clients())
        .extracting(c -> c.name())
        .doesNotContain("Telegram: " + bot.firstName());

    // the refusal used nothing up: the company's own account still connects
    assertThat(gatewayHttp.submit(link, "api-" + support.id(), "pw").status()).isEqualTo(200);
    tenant.awaitAnswer("Telegram-бот @" + bot.username() + " подключен к линии «Поддержка».");
  }

  @Test
  void theConfirmationPageEscapesALineNameWithAScript() throws Exception {
    Tenant tenant = newTenant();
    String evil = "<script>alert('x')</script> & \"Поддержка\"";
    Line line = tenant.line(evil);
    tenant.apiAccount("api-" + line.id(), "pw", line);
    BotInfo bot = newBot("Ромашка");
    String link = tenant.connectLink(evil, bot);

    Page page = gatewayHttp.get(link);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .doesNotContain("<script>")
        .contains("&lt;script&gt;alert(")
        .contains("&amp;")
        .doesNotContain("\"Поддержка\"");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
    Page done = gatewayHttp.submit(link, "api-" + line.id(), "pw");
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body()).doesNotContain("<script>").contains("&lt;script&gt;");
    tenant.awaitAnswer("подключен к линии «" + evil + "».");
  }
}
