package io.omnichannel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ChannelPost;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.LimitCheck.FileKind;
import io.omnichannel.core.domain.TopicId;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.core.port.out.SendOutcome;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.GroupScenario;
import io.omnichannel.testkit.telegram.GroupSpec;
import io.omnichannel.testkit.telegram.RateLimits;
import io.omnichannel.testkit.telegram.SentMessage;
import io.omnichannel.testkit.telegram.TelegramEmulatorConfig;
import io.omnichannel.testkit.telegram.TopicScenario;
import io.omnichannel.testkit.telegram.UserSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** B9: sends into a forum topic carry its message_thread_id; a closed or deleted one is typed. */
class TopicSendingTest {
  private static final UserSpec ALICE = UserSpec.of(42, "Alice");
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final World world =
      new World(TelegramEmulatorConfig.defaults().withRateLimits(RateLimits.off()));
  private final MessengerChannel channel =
      world.telegram(world.config(TelegramConfig.ReceiveMode.WEBHOOK)).messengerChannel();
  private final BotInfo bot = world.newBot();
  private final Connection connection = world.connect(bot);
  private final GroupScenario forum;
  private final TopicScenario delivery;
  private final ChatId chat;
  private final Optional<TopicId> topic;

  TopicSendingTest() {
    GroupScenario group =
        world.emulator.bot(bot.token()).group(GroupSpec.of(-5_100_000L, "Отдел закупок"));
    group.addsBotAsAdministrator(ALICE);
    forum = group.migrateToSupergroup(ALICE).enablesTopics();
    delivery = forum.createsTopic(ALICE, "Доставка");
    chat = new ChatId(Long.toString(forum.chatId()));
    topic = Optional.of(new TopicId(Long.toString(delivery.threadId())));
  }

  @AfterEach
  void close() throws Exception {
    world.close();
  }

  @Test
  void textAndFilesGoIntoTheTopic() {
    channel.send(
        connection.botAccess(), chat, topic, new ChannelPost.Text("Завтра", Keyboard.UNCHANGED));
    GeneratedFile image = new GeneratedFile(2_000);
    channel.send(
        connection.botAccess(),
        chat,
        topic,
        new ChannelPost.File(
            FileKind.IMAGE,
            "scheme.png",
            "image/png",
            image.size,
            image,
            Optional.of("схема"),
            Keyboard.UNCHANGED));
    GeneratedFile document = new GeneratedFile(3_000);
    channel.send(
        connection.botAccess(),
        chat,
        topic,
        new ChannelPost.File(
            FileKind.FILE,
            "invoice.pdf",
            "application/pdf",
            document.size,
            document,
            Optional.empty(),
            Keyboard.UNCHANGED));
    channel.send(
        connection.botAccess(),
        chat,
        Optional.empty(),
        new ChannelPost.Text("Всем", Keyboard.UNCHANGED));

    List<SentMessage> sent = world.emulator.awaitSent(bot.token(), forum.chatId(), 4, WAIT);
    assertThat(sent)
        .extracting(SentMessage::method)
        .containsExactly("sendMessage", "sendPhoto", "sendDocument", "sendMessage");
    assertThat(sent.subList(0, 3))
        .allSatisfy(s -> assertThat(s.messageThreadId()).hasValue(delivery.threadId()));
    assertThat(sent.get(3).messageThreadId()).isEmpty();
  }

  @Test
  void aClosedTopicIsTopicClosedAndADeletedOneTopicNotFound() {
    delivery.closes(ALICE);

    assertThat(
            channel.send(
                connection.botAccess(),
                chat,
                topic,
                new ChannelPost.Text("Ещё", Keyboard.UNCHANGED)))
        .isEqualTo(new SendOutcome.TopicClosed());
    assertThat(
            channel.send(
                connection.botAccess(),
                chat,
                Optional.of(new TopicId("999")),
                new ChannelPost.Text("Куда?", Keyboard.UNCHANGED)))
        .isEqualTo(new SendOutcome.TopicNotFound());
    assertThat(world.emulator.sentMessages(bot.token(), forum.chatId())).isEmpty();
  }
}
