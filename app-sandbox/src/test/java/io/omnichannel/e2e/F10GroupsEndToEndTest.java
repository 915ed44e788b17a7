package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.testkit.oneconnect.ClientUser;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.GroupScenario;
import io.omnichannel.testkit.telegram.GroupSpec;
import io.omnichannel.testkit.telegram.UserSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * F10: a group is one user of the line; each message starts with the member's name; rejoining makes
 * a new user.
 */
class F10GroupsEndToEndTest extends EndToEndHarness {

  @Test
  void aGroupWithTwoMembersIsOneAccountAndRejoiningCreatesANewOne() throws Exception {
    Connected connected = new Connected();
    UserSpec ivan = UserSpec.of(newUserId(), "Иван", "Петров", "ivan");
    UserSpec petr = UserSpec.of(newUserId(), "Пётр", "Сидоров", "petr");
    long groupId = -1_000_000L - newUserId();
    GroupScenario group =
        telegram.bot(connected.bot.token()).group(GroupSpec.of(groupId, "Отдел закупок"));
    group.addsBotAsAdministrator(ivan);

    group.member(ivan).sendsText("Добрый день, это закупки");
    supportLines.awaitReceived("Иван Петров: Добрый день, это закупки");
    group.member(petr).sendsText("У нас вопрос по счету");
    supportLines.awaitReceived("Пётр Сидоров: У нас вопрос по счету");
    List<ClientUser> accounts = supportLines.usersOf(supportLines.clientOf(connected.bot));
    assertThat(accounts).hasSize(1);
    String groupAccount = accounts.get(0).id();
    assertThat(accounts.get(0).name()).contains("Отдел закупок");
    assertThat(supportLines.fromUser(connected.line, groupAccount))
        .extracting(TranscriptEntry::text)
        .containsExactly(
            "Иван Петров: Добрый день, это закупки", "Пётр Сидоров: У нас вопрос по счету");

    connected.specialistWrites(groupAccount, "Здравствуйте, коллеги!");
    assertThat(telegram.awaitSent(connected.bot.token(), groupId, 1, WAIT).get(0).text())
        .isEqualTo("Здравствуйте, коллеги!");

    // a member renamed: new messages carry the current name; the account keeps its name
    group
        .member(UserSpec.of(ivan.id(), "Иван", "Петров-Водкин", "ivan"))
        .sendsText("Я сменил фамилию");
    supportLines.awaitText(connected.line, groupAccount, "Иван Петров-Водкин: Я сменил фамилию");
    assertThat(oneConnect.world().clientUser(groupAccount).orElseThrow().name())
        .contains("Отдел закупок");

    group.removesBot(ivan);
    group.addsBotAsAdministrator(petr);
    group.member(petr).sendsText("Мы вернули бота");
    supportLines.awaitReceived("Пётр Сидоров: Мы вернули бота");
    List<ClientUser> after = supportLines.usersOf(supportLines.clientOf(connected.bot));
    assertThat(after).hasSize(2);
    String newAccount =
        after.stream()
            .map(ClientUser::id)
            .filter(id -> !id.equals(groupAccount))
            .findFirst()
            .orElseThrow();
    supportLines.awaitText(connected.line, newAccount, "Пётр Сидоров: Мы вернули бота");
    assertThat(supportLines.fromUser(connected.line, groupAccount)).hasSize(3);
  }
}
