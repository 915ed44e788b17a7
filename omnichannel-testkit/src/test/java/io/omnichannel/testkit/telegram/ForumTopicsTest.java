package io.omnichannel.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pengrad.telegrambot.TelegramBot;
import com.pengrad.telegrambot.model.Message;
import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.request.GetUpdates;
import com.pengrad.telegrambot.request.SendDocument;
import com.pengrad.telegrambot.request.SendMessage;
import com.pengrad.telegrambot.response.SendResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * B9: a supergroup with topics as the real service shapes it, read and written by a strictly typed
 * third-party client (pengrad/java-telegram-bot-api).
 */
class ForumTopicsTest extends EmulatorTest {
  private TelegramBot client;
  private long offset;

  @BeforeEach
  void connectClient() {
    client = PengradClients.of(emulator, token);
  }

  @AfterEach
  void closeClient() {
    client.shutdown();
  }

  private GroupScenario forum() {
    GroupScenario group = emulator.bot(token).group(GroupSpec.of(-4_700_000L, "Отдел закупок"));
    group.addsBotAsAdministrator(ALICE);
    return group.migrateToSupergroup(ALICE).enablesTopics();
  }

  private List<Message> newMessages() {
    List<Update> updates =
        client.execute(new GetUpdates().offset((int) offset).limit(100).timeout(0)).updates();
    if (!updates.isEmpty()) {
      offset = updates.get(updates.size() - 1).updateId() + 1L;
    }
    return updates.stream().map(Update::message).filter(m -> m != null).toList();
  }

  @Test
  void aTopicMessageCarriesItsThreadAndRepliesToTheTopicsCreation() {
    GroupScenario forum = forum();
    newMessages();

    TopicScenario delivery = forum.createsTopic(ALICE, "Доставка");
    delivery.member(BOB).sendsText("Где заказ?");
    forum.member(BOB).sendsText("Всем привет");

    List<Message> messages = newMessages();
    assertThat(messages).hasSize(3);
    Message created = messages.get(0);
    assertThat(created.forumTopicCreated().name()).isEqualTo("Доставка");
    assertThat(created.messageThreadId()).isEqualTo((int) delivery.threadId());
    assertThat(created.messageId()).isEqualTo((int) delivery.threadId());
    assertThat(created.chat().isForum()).isTrue();
    Message inTopic = messages.get(1);
    assertThat(inTopic.text()).isEqualTo("Где заказ?");
    assertThat(inTopic.messageThreadId()).isEqualTo((int) delivery.threadId());
    assertThat(inTopic.isTopicMessage()).isTrue();
    assertThat(inTopic.replyToMessage().forumTopicCreated().name()).isEqualTo("Доставка");
    Message inGeneral = messages.get(2);
    assertThat(inGeneral.messageThreadId()).isNull();
    assertThat(inGeneral.isTopicMessage()).isNotEqualTo(Boolean.TRUE);
  }

  @Test
  void renamingClosingAndReopeningAreServiceMessagesInTheTopic() {
    TopicScenario delivery = forum().createsTopic(ALICE, "Доставка");
    newMessages();

    delivery.renames(ALICE, "Возвраты");
    delivery.closes(ALICE);
    delivery.reopens(ALICE);

    List<Message> messages = newMessages();
    assertThat(messages)
        .extracting(Message::messageThreadId)
        .containsOnly((int) delivery.threadId());
    assertThat(messages.get(0).forumTopicEdited().name()).isEqualTo("Возвраты");
    assertThat(messages.get(1).forumTopicClosed()).isNotNull();
    assertThat(messages.get(2).forumTopicReopened()).isNotNull();
    assertThat(delivery.name()).isEqualTo("Возвраты");
  }

  @Test
  void theBotPostsIntoATopicAndIsRefusedWhileItIsClosed() {
    GroupScenario forum = forum();
    TopicScenario delivery = forum.createsTopic(ALICE, "Доставка");
    int thread = (int) delivery.threadId();

    SendResponse text =
        client.execute(new SendMessage(forum.chatId(), "Завтра").messageThreadId(thread));
    assertThat(text.isOk()).isTrue();
    assertThat(text.message().messageThreadId()).isEqualTo(thread);
    assertThat(text.message().isTopicMessage()).isTrue();

    delivery.closes(ALICE);
    SendResponse refused =
        client.execute(new SendMessage(forum.chatId(), "Ещё").messageThreadId(thread));
    assertThat(refused.isOk()).isFalse();
    assertThat(refused.errorCode()).isEqualTo(400);
    assertThat(refused.description()).isEqualTo("Bad Request: TOPIC_CLOSED");

    delivery.reopens(ALICE);
    byte[] bytes = "накладная".getBytes(StandardCharsets.UTF_8);
    SendResponse file =
        client.execute(
            new SendDocument(forum.chatId(), bytes)
                .fileName("invoice.txt")
                .messageThreadId(thread));
    assertThat(file.isOk()).isTrue();
    assertThat(emulator.sentMessages(token, forum.chatId()))
        .extracting(sent -> sent.messageThreadId().orElse(-1))
        .containsExactly((long) thread, (long) thread);
  }

  @Test
  void aThreadThatIsNoTopicIsNotFound() {
    GroupScenario forum = forum();
    SendResponse unknown =
        client.execute(new SendMessage(forum.chatId(), "Куда?").messageThreadId(999));
    assertThat(unknown.description()).isEqualTo("Bad Request: message thread not found");

    GroupScenario plain = emulator.bot(token).group(GroupSpec.of(-4_800_000L, "Без тем"));
    plain.addsBotAsAdministrator(ALICE);
    SendResponse noTopics =
        client.execute(new SendMessage(plain.chatId(), "Куда?").messageThreadId(5));
    assertThat(noTopics.description()).isEqualTo("Bad Request: message thread not found");
    assertThat(emulator.sentMessages(token, plain.chatId())).isEmpty();
  }

  @Test
  void onlyASupergroupWithTopicsHasTopics() {
    GroupScenario plain = emulator.bot(token).group(GroupSpec.of(-4_900_000L, "Без тем"));
    plain.addsBotAsAdministrator(ALICE);

    assertThatThrownBy(plain::enablesTopics).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> plain.createsTopic(ALICE, "Тема"))
        .isInstanceOf(IllegalStateException.class);
  }
}
