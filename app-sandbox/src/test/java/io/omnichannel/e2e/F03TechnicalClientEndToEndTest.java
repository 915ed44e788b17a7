package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.testkit.oneconnect.ClientCompany;
import io.omnichannel.testkit.oneconnect.ClientUser;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.UserSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * F3: connecting registers «Telegram: <bot name>»; each Telegram user gets one account in it on
 * first contact.
 */
class F03TechnicalClientEndToEndTest extends EndToEndHarness {

  @Test
  void connectingRegistersTheTechnicalClientAndEachUserGetsOneAccount() throws Exception {
    Tenant tenant = newTenant();
    Line support = tenant.line("Поддержка");
    tenant.apiAccount("api-" + support.id(), "pw", support);
    BotInfo bot = newBot("Ромашка Поддержка");
    TranscriptEntry announced = tenant.connect(support, bot, "api-" + support.id(), "pw");
    assertThat(announced.text())
        .contains(
            "Пользователи Telegram будут зарегистрированы в клиенте «Telegram: "
                + bot.firstName()
                + "».");

    ClientCompany client = supportLines.clientOf(bot);
    assertThat(client.companyId()).isEqualTo(tenant.company.id());
    assertThat(supportLines.usersOf(client)).isEmpty();

    long ivanId = newUserId();
    long mariaId = newUserId();
    telegram
        .bot(bot.token())
        .user(UserSpec.of(ivanId, "Иван", "Петров", "ivan_p"))
        .sendsText("Здравствуйте!");
    supportLines.awaitReceived("Здравствуйте!");
    telegram.bot(bot.token()).user(UserSpec.of(mariaId, "Мария")).sendsText("Добрый вечер");
    supportLines.awaitReceived("Добрый вечер");
    telegram
        .bot(bot.token())
        .user(UserSpec.of(ivanId, "Иван", "Петров", "ivan_p"))
        .sendsText("Это снова я");
    String ivan = supportLines.accountId(bot, "Иван Петров");
    supportLines.awaitText(support, ivan, "Это снова я");

    List<ClientUser> accounts = supportLines.usersOf(client);
    assertThat(accounts).hasSize(2);
    List<String> names = new ArrayList<>();
    accounts.forEach(u -> names.add(u.surname() == null ? u.name() : u.name() + " " + u.surname()));
    assertThat(names).containsExactlyInAnyOrder("Иван Петров", "Мария");
    for (ClientUser account : accounts) {
      assertThat(oneConnect.world().subscriptions(account.id()))
          .anySatisfy(s -> assertThat(s.lineId()).isEqualTo(support.id()));
    }
    assertThat(supportLines.fromUser(support, ivan))
        .extracting(TranscriptEntry::text)
        .containsExactly("Здравствуйте!", "Это снова я");

    // the username is kept as a detail of the account in the gateway
    JsonNode adminAccounts = gatewayHttp.adminAccounts(bot);
    assertThat(adminAccounts).hasSize(2);
    assertThat(adminAccounts.findValuesAsText("username")).contains("ivan_p");
  }
}
