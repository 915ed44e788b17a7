package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.sandbox.scenario.SupportLines;
import io.omnichannel.testkit.oneconnect.ClientUser;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.UserSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * #11: a bot disconnected and connected again — to the same line, then to another line of the
 * company — keeps its 1C-Connect users, and a user the specialist banned stays banned.
 */
class ReconnectEndToEndTest extends EndToEndHarness {

  @Test
  void aReconnectKeepsEveryUserAndEveryBan() throws Exception {
    Tenant tenant = newTenant();
    Line support = tenant.line("Поддержка");
    Line sales = tenant.line("Продажи");
    tenant.apiAccount("api-" + support.id(), "pw", support, sales);
    String login = "api-" + support.id();
    BotInfo bot = newBot("Ромашка");
    tenant.connect(support, bot, login, "pw");
    UserSpec ivan = UserSpec.of(newUserId(), "Иван", "Петров", "ivan");
    UserSpec maria = UserSpec.of(newUserId(), "Мария", "Соколова", "maria");
    telegram.bot(bot.token()).user(ivan).sendsText("иван до бана");
    String ivanUser = supportLines.awaitNewUser(support, "иван до бана");
    telegram.bot(bot.token()).user(maria).sendsText("мария до");
    String mariaUser = supportLines.awaitNewUser(support, "мария до");
    oneConnect.world().ban(ivanUser, support.id());

    tenant.disconnect(support, bot, login, "pw");
    tenant.connect(support, bot, login, "pw");
    double banned = droppedAsBanned();
    telegram.bot(bot.token()).user(ivan).sendsText("иван после переподключения");
    gatewayHttp.awaitMetric(
        banned + 1, "omnichannel_dropped_total", "reason", "banned", "direction", "to_line");
    telegram.bot(bot.token()).user(maria).sendsText("мария после переподключения");
    supportLines.awaitText(support, mariaUser, "мария после переподключения");

    assertThat(usersOfTheBot(bot))
        .as("no second 1C-Connect user per Telegram user")
        .extracting(ClientUser::id)
        .containsExactly(ivanUser, mariaUser);
    assertThat(oneConnect.world().isBanned(ivanUser, support.id())).isTrue();
    assertThat(supportLines.fromUser(support, ivanUser))
        .extracting(TranscriptEntry::text)
        .containsExactly("иван до бана");

    tenant.disconnect(support, bot, login, "pw");
    tenant.connect(sales, bot, login, "pw");
    banned = droppedAsBanned();
    telegram.bot(bot.token()).user(ivan).sendsText("иван в продажи");
    gatewayHttp.awaitMetric(
        banned + 1, "omnichannel_dropped_total", "reason", "banned", "direction", "to_line");
    telegram.bot(bot.token()).user(maria).sendsText("мария в продажи");
    supportLines.awaitText(sales, mariaUser, "мария в продажи");

    assertThat(usersOfTheBot(bot))
        .as("another line of the company: still the same users")
        .extracting(ClientUser::id)
        .containsExactly(ivanUser, mariaUser);
    assertThat(oneConnect.world().isBanned(ivanUser, sales.id()))
        .as("the ban moves with the bot to its new line")
        .isTrue();
    assertThat(oneConnect.world().isBanned(mariaUser, sales.id())).isFalse();
    assertThat(supportLines.fromUser(sales, ivanUser)).isEmpty();
    assertThat(SupportLines.accountName(maria)).isEqualTo(supportLines.displayName(mariaUser));
  }

  private double droppedAsBanned() {
    return gatewayHttp.metric("omnichannel_dropped_total", "reason", "banned");
  }

  private List<ClientUser> usersOfTheBot(BotInfo bot) {
    return supportLines.usersOf(supportLines.clientOf(bot));
  }
}
