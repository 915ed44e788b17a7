package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.testkit.oneconnect.ClientUser;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.GroupScenario;
import io.omnichannel.testkit.telegram.GroupSpec;
import io.omnichannel.testkit.telegram.SentMessage;
import io.omnichannel.testkit.telegram.TopicScenario;
import io.omnichannel.testkit.telegram.UserSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * B9: in a supergroup with topics each topic is its own user of the line, named "<group> /
 * <topic>", while the general topic stays the group's user; answers (text, images, files) and the
 * gateway's own replies go back into the topic; a renamed topic's new messages carry its current
 * name; an answer into a closed topic is not lost silently: the specialist is told.
 */
class ForumTopicsEndToEndTest extends EndToEndHarness {

  @Test
  void eachTopicIsItsOwnUserAndAnswersGoBackIntoTheirTopic() throws Exception {
    Connected connected = new Connected();
    String token = connected.bot.token();
    UserSpec ivan = UserSpec.of(newUserId(), "Иван", "Петров", "ivan");
    UserSpec petr = UserSpec.of(newUserId(), "Пётр", "Сидоров", "petr");
    GroupScenario group =
        telegram.bot(token).group(GroupSpec.of(-1_000_000L - newUserId(), "Отдел закупок"));
    group.addsBotAsAdministrator(ivan);
    group.member(ivan).sendsText("Мы пока обычная группа");
    String groupAccount = supportLines.awaitNewUser(connected.line, "Мы пока обычная группа");

    // the group becomes a supergroup with topics: General stays the group's user (B8)
    GroupScenario forum = group.migrateToSupergroup(ivan).enablesTopics();
    long chat = forum.chatId();
    TopicScenario delivery = forum.createsTopic(ivan, "Доставка");
    TopicScenario payment = forum.createsTopic(petr, "Оплата");
    delivery.member(ivan).sendsText("Где заказ 42?");
    payment.member(petr).sendsText("Счёт оплачен");
    forum.member(petr).sendsText("Вопрос всем");

    String deliveryAccount = supportLines.awaitNewUser(connected.line, "Где заказ 42?");
    String paymentAccount = supportLines.awaitNewUser(connected.line, "Счёт оплачен");
    supportLines.awaitText(connected.line, groupAccount, "Пётр Сидоров: Вопрос всем");
    assertThat(nameOf(deliveryAccount)).isEqualTo("Отдел закупок / Доставка");
    assertThat(nameOf(paymentAccount)).isEqualTo("Отдел закупок / Оплата");
    assertThat(nameOf(groupAccount)).isEqualTo("Отдел закупок");
    assertThat(supportLines.usersOf(supportLines.clientOf(connected.bot))).hasSize(3);
    assertThat(supportLines.fromUser(connected.line, deliveryAccount))
        .extracting(TranscriptEntry::text)
        .containsExactly("Иван Петров: Где заказ 42?");

    // answers go into their topics: text, an image, a file; the group's answer into General
    connected.specialistWrites(deliveryAccount, "Заказ 42 привезём завтра");
    oneConnect
        .scenario()
        .specialistSendsFile(
            connected.line.id(),
            deliveryAccount,
            connected.tenant.specialist.id(),
            "маршрут.png",
            "image/png",
            new byte[2_000],
            "Маршрут курьера");
    oneConnect
        .scenario()
        .specialistSendsFile(
            connected.line.id(),
            paymentAccount,
            connected.tenant.specialist.id(),
            "акт.pdf",
            "application/pdf",
            "акт сверки".getBytes(StandardCharsets.UTF_8),
            null);
    connected.specialistWrites(groupAccount, "Всем добрый день");
    List<SentMessage> sent = telegram.awaitSent(token, chat, 4, WAIT);
    assertThat(threadOf(sent, "Заказ 42 привезём завтра")).hasValue(delivery.threadId());
    assertThat(threadOf(sent, "Маршрут курьера")).hasValue(delivery.threadId());
    assertThat(sent)
        .filteredOn(s -> s.method().equals("sendDocument"))
        .singleElement()
        .satisfies(s -> assertThat(s.messageThreadId()).hasValue(payment.threadId()));
    assertThat(threadOf(sent, "Всем добрый день")).isEmpty();

    // a member's reply in the topic reaches the topic's user; the gateway's own reply to a voice
    // message goes back into the topic
    long answer =
        sent.stream()
            .filter(s -> "Заказ 42 привезём завтра".equals(s.text()))
            .findFirst()
            .orElseThrow()
            .messageId();
    delivery.member(ivan).repliesTo(answer, "Спасибо!");
    supportLines.awaitText(
        connected.line,
        deliveryAccount,
        "Иван Петров: ↩️ В ответ на «Заказ 42 привезём завтра»\nСпасибо!");
    payment.member(petr).sendsVoice(3, 20_000);
    SentMessage notice = telegram.awaitSent(token, chat, 5, WAIT).get(4);
    assertThat(notice.text()).contains("Голосовое сообщение не поддерживается");
    assertThat(notice.messageThreadId()).hasValue(payment.threadId());

    // renamed: new messages carry the current name, the user keeps its own
    delivery.renames(ivan, "Доставка и возвраты");
    delivery.member(ivan).sendsText("Хочу вернуть товар");
    supportLines.awaitText(
        connected.line,
        deliveryAccount,
        "[Тема «Доставка и возвраты»] Иван Петров: Хочу вернуть товар");
    assertThat(nameOf(deliveryAccount)).isEqualTo("Отдел закупок / Доставка");
    assertThat(supportLines.usersOf(supportLines.clientOf(connected.bot))).hasSize(3);
  }

  @Test
  void anAnswerIntoAClosedTopicIsNotLostSilently() throws Exception {
    Connected connected = new Connected();
    String token = connected.bot.token();
    UserSpec ivan = UserSpec.of(newUserId(), "Иван", "Петров", "ivan");
    GroupScenario group =
        telegram.bot(token).group(GroupSpec.of(-1_000_000L - newUserId(), "Склад"));
    group.addsBotAsAdministrator(ivan);
    GroupScenario forum = group.migrateToSupergroup(ivan).enablesTopics();
    TopicScenario returns = forum.createsTopic(ivan, "Возвраты");
    returns.member(ivan).sendsText("Примите возврат");
    String account = supportLines.awaitNewUser(connected.line, "Примите возврат");
    double droppedBefore =
        gatewayHttp.metric("omnichannel_dropped_total", "reason", "topic_closed");

    returns.closes(ivan);
    // the close is processed before the answer arrives: a member's message after it proves it
    forum.member(ivan).sendsText("Тему закрыли");
    supportLines.awaitReceived("Иван Петров: Тему закрыли");
    connected.specialistWrites(account, "Возврат принят");

    TranscriptEntry told = supportLines.awaitText(connected.line, account, "тема закрыта");
    assertThat(told.text())
        .isEqualTo(
            "⚠️ Сообщение шлюза: тема закрыта в Telegram, сообщение «Возврат принят» не"
                + " доставлено. Когда тему откроют снова, отправьте его ещё раз.");
    gatewayHttp.awaitMetric(
        droppedBefore + 1,
        "omnichannel_dropped_total",
        "reason",
        "topic_closed",
        "direction",
        "to_channel");
    assertThat(telegram.sentMessages(token, forum.chatId())).isEmpty();

    returns.reopens(ivan);
    connected.specialistWrites(account, "Возврат принят, повторяю");
    SentMessage sent = telegram.awaitSent(token, forum.chatId(), 1, WAIT).get(0);
    assertThat(sent.text()).isEqualTo("Возврат принят, повторяю");
    assertThat(sent.messageThreadId()).hasValue(returns.threadId());
  }

  private String nameOf(String account) {
    return oneConnect.world().clientUser(account).map(ClientUser::name).orElseThrow();
  }

  private static OptionalLong threadOf(List<SentMessage> sent, String text) {
    return sent.stream()
        .filter(s -> text.equals(s.text()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("nothing sent with «" + text + "» in " + sent))
        .messageThreadId();
  }
}
