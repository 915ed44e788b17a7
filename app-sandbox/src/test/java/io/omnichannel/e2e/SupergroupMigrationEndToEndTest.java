package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.testkit.oneconnect.ClientUser;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.GroupScenario;
import io.omnichannel.testkit.telegram.UserSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * B8: a group that becomes a supergroup (migrate_to_chat_id in the old chat, migrate_from_chat_id
 * in the new one) stays the same user of the line, and the specialist's answers reach the
 * supergroup.
 */
class SupergroupMigrationEndToEndTest extends EndToEndHarness {

  @Test
  void theSameAccountContinuesAfterTheMigrationAndAnswersReachTheSupergroup() {
    Connected connected = new Connected();
    UserSpec ivan = UserSpec.of(newUserId(), "Иван", "Петров", "ivan");
    UserSpec petr = UserSpec.of(newUserId(), "Пётр", "Сидоров", "petr");
    GroupScenario group = connected.groupWithBot("Отдел продаж", ivan);
    long groupId = group.chatId();
    group.member(ivan).sendsText("Нужен счёт на оплату");
    String account = supportLines.awaitNewUser(connected.line, "Иван Петров: Нужен счёт на оплату");
    connected.specialistWrites(account, "Счёт готов");
    assertThat(telegram.awaitSent(connected.bot.token(), groupId, 1, WAIT).get(0).text())
        .isEqualTo("Счёт готов");

    GroupScenario supergroup = group.migrateToSupergroup(ivan);
    long supergroupId = supergroup.chatId();
    assertThat(supergroupId).isNotEqualTo(groupId);
    supergroup.member(petr).sendsText("Мы теперь супергруппа, счёт получили");

    TranscriptEntry after =
        supportLines.awaitText(connected.line, account, "Пётр Сидоров: Мы теперь супергруппа");
    assertThat(after.userId()).isEqualTo(account);
    List<ClientUser> accounts = supportLines.usersOf(supportLines.clientOf(connected.bot));
    assertThat(accounts).as("the supergroup is the group's account").hasSize(1);
    assertThat(accounts.get(0).name()).contains("Отдел продаж");

    connected.specialistWrites(account, "Отлично, закрываю обращение");
    assertThat(telegram.awaitSent(connected.bot.token(), supergroupId, 1, WAIT).get(0).text())
        .isEqualTo("Отлично, закрываю обращение");
    assertThat(telegram.sentMessages(connected.bot.token(), groupId))
        .as("nothing more to the old group")
        .hasSize(1);
    assertThat(supportLines.fromUser(connected.line, account))
        .extracting(TranscriptEntry::text)
        .containsExactly(
            "Иван Петров: Нужен счёт на оплату",
            "Пётр Сидоров: Мы теперь супергруппа, счёт получили");
  }

  @Test
  void anAnswerWrittenRightAtTheMigrationReachesTheSupergroupWhicheverTheGatewayLearnsFirst() {
    Connected connected = new Connected();
    UserSpec olga = UserSpec.of(newUserId(), "Ольга", "Кузнецова", "olga");
    GroupScenario group = connected.groupWithBot("Бухгалтерия", olga);
    group.member(olga).sendsText("Акт сверки, пожалуйста");
    String account = supportLines.awaitNewUser(connected.line, "Ольга Кузнецова: Акт сверки");

    // the answer races the migration's service messages: the gateway learns the new id either from
    // them or from Telegram's 400 with migrate_to_chat_id to a send to the old group
    GroupScenario supergroup = group.migrateToSupergroup(olga);
    connected.specialistWrites(account, "Акт сверки во вложении");

    assertThat(
            telegram.awaitSent(connected.bot.token(), supergroup.chatId(), 1, WAIT).get(0).text())
        .isEqualTo("Акт сверки во вложении");
    supergroup.member(olga).sendsText("Получила, спасибо");
    supportLines.awaitText(connected.line, account, "Ольга Кузнецова: Получила, спасибо");
    assertThat(supportLines.usersOf(supportLines.clientOf(connected.bot))).hasSize(1);
  }
}
