package io.omnichannel.core.usecase;

import static io.omnichannel.core.fakes.ChannelEvents.chat;
import static io.omnichannel.core.fakes.ChannelEvents.groupText;
import static io.omnichannel.core.fakes.ChannelEvents.membership;
import static io.omnichannel.core.fakes.ChannelEvents.photo;
import static io.omnichannel.core.fakes.ChannelEvents.topicMessage;
import static io.omnichannel.core.fakes.ChannelEvents.topicNamed;
import static io.omnichannel.core.fakes.ChannelEvents.topicText;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.Attachment;
import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.ChannelEvent.Membership;
import io.omnichannel.core.domain.ChannelPost;
import io.omnichannel.core.domain.ChatKind;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.DroppedMessage;
import io.omnichannel.core.domain.DroppedMessage.DropReason;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.ForumTopic;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.LineEvent;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.domain.TopicId;
import io.omnichannel.core.fakes.CoreFixture;
import io.omnichannel.core.fakes.FakeMessenger.Sent;
import io.omnichannel.core.fakes.FakePlatform.Delivery;
import io.omnichannel.core.port.out.SendOutcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** B9: each topic of a group with topics is its own account, and answers go back into it. */
class ForumTopicsTest {
  private static final String GROUP = "-100777";

  private final CoreFixture f = new CoreFixture();
  private final Connection connection = f.connectedLine("Поддержка", "Shop Bot", "shop_bot");
  private int nextEvent = 1;

  private List<OutboxMessage> relay(ChannelEvent event) {
    return f.relayToLine.relay(current(), event, "telegram:" + nextEvent++);
  }

  private Connection current() {
    return f.connections.find(connection.id()).orElseThrow();
  }

  private ChannelAccount accountNamed(String name) {
    return f.accounts.of(connection.id()).stream()
        .filter(a -> a.displayName().equals(name) && a.isOpen())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no open account " + name));
  }

  private List<String> textsOf(ChannelAccount account) {
    return f.platform.deliveries().stream()
        .filter(d -> d.user().equals(account.platformUser()))
        .map(Delivery::post)
        .map(post -> post instanceof LinePost.Text text ? text.text() : "<file>")
        .toList();
  }

  /** The specialist answers the account; the answer is delivered as the outbox worker would. */
  private void specialistAnswers(ChannelAccount account, MessageContent content) {
    List<OutboxMessage> sends =
        f.relayToChannel.relay(
            current(),
            new LineEvent.SpecialistMessage(
                current().line().id(),
                account.platformUser(),
                f.specialist.id(),
                content,
                Keyboard.UNCHANGED),
            "platform:" + nextEvent++);
    sends.forEach(f.delivering::deliver);
  }

  @Test
  void eachTopicIsItsOwnAccountNamedGroupSlashTopicAndTheGeneralTopicStaysTheGroup() {
    relay(topicNamed(GROUP, "10", "Доставка"));
    relay(topicText(GROUP, "Отдел закупок", "10", "Доставка", "Иван Петров", "Где заказ?"));
    relay(topicText(GROUP, "Отдел закупок", "20", "Оплата", "Мария Сидорова", "Счёт оплачен"));
    relay(groupText(GROUP, "Отдел закупок", "Иван Петров", "Всем привет"));
    relay(topicText(GROUP, "Отдел закупок", "10", "Доставка", "Мария Сидорова", "И мой тоже"));

    assertThat(f.accounts.of(connection.id()))
        .extracting(ChannelAccount::displayName)
        .containsExactlyInAnyOrder(
            "Отдел закупок / Доставка", "Отдел закупок / Оплата", "Отдел закупок");
    ChannelAccount delivery = accountNamed("Отдел закупок / Доставка");
    assertThat(delivery.topic()).contains(new ForumTopic(new TopicId("10"), "Доставка"));
    assertThat(accountNamed("Отдел закупок").topic()).isEmpty();
    assertThat(textsOf(delivery))
        .containsExactly("Иван Петров: Где заказ?", "Мария Сидорова: И мой тоже");
    assertThat(textsOf(accountNamed("Отдел закупок / Оплата")))
        .containsExactly("Мария Сидорова: Счёт оплачен");
    assertThat(textsOf(accountNamed("Отдел закупок"))).containsExactly("Иван Петров: Всем привет");
  }

  @Test
  void theLatestAnnouncedNameWinsOverTheNameAMessageTellsAndANamelessTopicGetsItsNumber() {
    relay(topicNamed(GROUP, "10", "Доставка"));
    relay(topicNamed(GROUP, "10", "Доставка и возвраты"));
    relay(topicText(GROUP, "Отдел закупок", "10", "Доставка", "Иван Петров", "Вопрос"));
    relay(topicText(GROUP, "Отдел закупок", "30", null, "Иван Петров", "Ещё вопрос"));

    assertThat(f.accounts.of(connection.id()))
        .extracting(ChannelAccount::displayName)
        .containsExactlyInAnyOrder(
            "Отдел закупок / Доставка и возвраты", "Отдел закупок / Тема 30");
    assertThat(textsOf(accountNamed("Отдел закупок / Доставка и возвраты")))
        .containsExactly("Иван Петров: Вопрос");
  }

  @Test
  void aRenamedTopicGivesNewMessagesItsCurrentNameWhileTheAccountKeepsItsOwn() {
    relay(topicText(GROUP, "Отдел закупок", "10", "Доставка", "Иван Петров", "До"));
    relay(topicNamed(GROUP, "10", "Возвраты"));
    relay(topicText(GROUP, "Отдел закупок", "10", "Доставка", "Иван Петров", "После"));
    f.messenger.file(new FileRef("p1"), 1_000);
    relay(
        topicMessage(GROUP, "Отдел закупок", "10", null, "Иван Петров", photo("p1", 1_000, "Чек")));

    ChannelAccount account = accountNamed("Отдел закупок / Доставка");
    assertThat(f.accounts.of(connection.id())).hasSize(1);
    assertThat(f.platform.users()).hasSize(1);
    assertThat(textsOf(account))
        .containsExactly("Иван Петров: До", "[Тема «Возвраты»] Иван Петров: После", "<file>");
    LinePost.File file = (LinePost.File) f.platform.deliveries().get(2).post();
    assertThat(file.comment()).contains("[Тема «Возвраты»] Иван Петров: Чек");
  }

  @Test
  void removingTheBotEndsTheEpochOfEveryTopicAndTheNextMessageOpensANewOne() {
    relay(topicText(GROUP, "Отдел закупок", "10", "Доставка", "Иван Петров", "Первый"));
    relay(topicText(GROUP, "Отдел закупок", "20", "Оплата", "Иван Петров", "Второй"));
    relay(membership(GROUP, ChatKind.GROUP, Membership.LEFT));

    assertThat(f.accounts.of(connection.id())).noneMatch(ChannelAccount::isOpen);

    relay(membership(GROUP, ChatKind.GROUP, Membership.JOINED));
    relay(topicText(GROUP, "Отдел закупок", "10", "Доставка", "Иван Петров", "Снова"));
    ChannelAccount reopened = accountNamed("Отдел закупок / Доставка");
    assertThat(reopened.epoch()).isEqualTo(2);
    assertThat(f.accounts.of(connection.id())).hasSize(3);
  }

  @Test
  void anAnswerGoesIntoTheTopicAsTextAndAsAFile() {
    relay(topicText(GROUP, "Отдел закупок", "10", "Доставка", "Иван Петров", "Где заказ?"));
    ChannelAccount account = accountNamed("Отдел закупок / Доставка");
    f.platform.lineFile(new FileRef("line-file-1"), new byte[1_000]);

    specialistAnswers(account, new MessageContent.Text("Завтра привезём"));
    specialistAnswers(
        account,
        new MessageContent.Document(
            Attachment.of("накладная.pdf", "application/pdf", 1_000, new FileRef("line-file-1")),
            Optional.empty()));

    assertThat(f.messenger.sentTo(chat(GROUP)))
        .extracting(Sent::topic)
        .containsExactly(Optional.of(new TopicId("10")), Optional.of(new TopicId("10")));
    assertThat(f.messenger.sentTo(chat(GROUP)).get(1).post()).isInstanceOf(ChannelPost.File.class);
  }

  @Test
  void theGatewaysOwnReplyToAMemberGoesIntoTheTopicToo() {
    List<OutboxMessage> notices =
        relay(
            topicMessage(
                GROUP,
                "Отдел закупок",
                "10",
                "Доставка",
                "Иван Петров",
                new MessageContent.Unsupported(MessageContent.UnsupportedKind.VOICE)));

    assertThat(notices).hasSize(1);
    f.delivering.deliver(notices.get(0));
    assertThat(f.messenger.sentTo(chat(GROUP)))
        .singleElement()
        .satisfies(sent -> assertThat(sent.topic()).contains(new TopicId("10")));
  }

  @Test
  void anAnswerIntoAClosedTopicIsDroppedAndTheSpecialistIsToldWhichOne() {
    relay(topicText(GROUP, "Отдел закупок", "10", "Доставка", "Иван Петров", "Где заказ?"));
    ChannelAccount account = accountNamed("Отдел закупок / Доставка");
    f.messenger.refuseNextSend(chat(GROUP), new SendOutcome.TopicClosed());

    specialistAnswers(account, new MessageContent.Text("Завтра привезём\nвторая строка"));

    assertThat(f.messenger.sentTo(chat(GROUP))).isEmpty();
    assertThat(textsOf(account))
        .containsExactly(
            "Иван Петров: Где заказ?",
            "⚠️ Сообщение шлюза: тема закрыта в Telegram, сообщение «Завтра привезём» не"
                + " доставлено. Когда тему откроют снова, отправьте его ещё раз.");
    assertThat(f.logs.dropped())
        .extracting(DroppedMessage::reason)
        .containsExactly(DropReason.TOPIC_CLOSED);
  }

  @Test
  void anAnswerIntoADeletedTopicIsDroppedAndTheSpecialistIsTold() {
    relay(topicText(GROUP, "Отдел закупок", "10", "Доставка", "Иван Петров", "Где заказ?"));
    ChannelAccount account = accountNamed("Отдел закупок / Доставка");
    f.messenger.refuseNextSend(chat(GROUP), new SendOutcome.TopicNotFound());

    specialistAnswers(account, new MessageContent.Text("Завтра привезём"));

    assertThat(textsOf(account).get(1))
        .isEqualTo(
            "⚠️ Сообщение шлюза: тема удалена в Telegram, сообщение «Завтра привезём» не"
                + " доставлено. Сообщения в эту тему больше не доставляются.");
    assertThat(f.logs.dropped())
        .extracting(DroppedMessage::reason)
        .containsExactly(DropReason.TOPIC_CLOSED);
  }

  @Test
  void accountIdsOutsideTopicsAreTheOnesGivenBeforeTopicsExisted() {
    String before = connection.id().value() + "/" + GROUP + "/1";
    assertThat(RelayToLine.accountIdFor(connection, chat(GROUP), Optional.empty(), 1))
        .isEqualTo(
            new AccountId(
                UUID.nameUUIDFromBytes(before.getBytes(StandardCharsets.UTF_8)).toString()));
    assertThat(RelayToLine.accountIdFor(connection, chat(GROUP), Optional.of(new TopicId("10")), 1))
        .isNotEqualTo(RelayToLine.accountIdFor(connection, chat(GROUP), Optional.empty(), 1));
  }

  @Test
  void aVeryLongGroupAndTopicNameIsShortenedToWhatANameHolds() {
    String name = AccountNames.ofTopic("Г".repeat(128), "Т".repeat(128));
    assertThat(name).hasSize(AccountNames.MAX_LENGTH).endsWith("…").startsWith("Г".repeat(128));
  }
}
