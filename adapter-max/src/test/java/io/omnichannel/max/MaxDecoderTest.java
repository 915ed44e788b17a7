package io.omnichannel.max;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.ChannelEvent.ChannelMessage;
import io.omnichannel.core.domain.ChannelEvent.Ignored;
import io.omnichannel.core.domain.ChannelEvent.Membership;
import io.omnichannel.core.domain.ChannelEvent.MembershipChanged;
import io.omnichannel.core.domain.ChannelEvent.MessageParts;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ChatKind;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.MessageContent.UnsupportedKind;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** MAX updates (fixtures written from max-bot-api.md) → the core's channel events. */
class MaxDecoderTest {
  private final MaxDecoder decoder = new MaxDecoder(Fixtures.JSON);

  private ChannelEvent decode(String fixture) {
    return decoder.decode(Fixtures.read(fixture));
  }

  private ChannelMessage message(String fixture) {
    ChannelEvent event = decode(fixture);
    assertThat(event).isInstanceOf(ChannelMessage.class);
    return (ChannelMessage) event;
  }

  @Test
  void aDialogTextIsAPrivateMessageInTheDialogsChatWithTheSendersFullName() {
    ChannelMessage message = message("dialog_text.json");

    assertThat(message.chat()).isEqualTo(new ChatId("880001"));
    assertThat(message.kind()).isEqualTo(ChatKind.PRIVATE);
    assertThat(message.chatTitle()).isEmpty();
    assertThat(message.sender().displayName()).isEqualTo("Алиса Смирнова");
    assertThat(message.sender().username()).contains("alice");
    assertThat(message.content())
        .isEqualTo(new MessageContent.Text("Здравствуйте! Вопрос по заказу №42"));
    assertThat(message.context().edited()).isFalse();
  }

  @Test
  void aGroupMessageIsTheGroupsWithTheMembersNameAndNoUsernameWhenNull() {
    ChannelMessage message = message("group_text.json");

    assertThat(message.chat()).isEqualTo(new ChatId("-70801090403050"));
    assertThat(message.kind()).isEqualTo(ChatKind.GROUP);
    assertThat(message.sender().displayName()).isEqualTo("Борис");
    assertThat(message.sender().username()).isEmpty();
  }

  @Test
  void anEditIsTheSameMessageMarkedEdited() {
    ChannelMessage message = message("edited.json");

    assertThat(message.context().edited()).isTrue();
    assertThat(message.content())
        .isEqualTo(new MessageContent.Text("Здравствуйте! Вопрос по заказу №43"));
  }

  @Test
  void aCallbackPressIsIgnoredForTheGatewaySendsNoCallbackButton() {
    assertThat(decode("callback.json")).isEqualTo(new Ignored("message_callback"));
    assertThat(MaxBots.UPDATE_TYPES).doesNotContain("message_callback");
  }

  @Test
  void anImageIsAnImageWithItsCaptionAndAReferenceOfUnknownSize() {
    MessageContent.Image image = (MessageContent.Image) message("image.json").content();

    assertThat(image.caption()).contains("Вот скриншот");
    assertThat(image.file().fileName()).isEqualTo("image_4400123.jpg");
    assertThat(image.file().mimeType()).isEqualTo("image/jpeg");
    assertThat(image.file().sizeBytes()).isEmpty();
    FileRefs.Parsed ref = FileRefs.parse(image.file().ref());
    assertThat(ref.url().toString()).isEqualTo("https://iu.oneme.ru/i?r=BTGBPUwtwgYUeoFhO7rESmr8");
    assertThat(ref.declaredSize()).isEmpty();
  }

  @Test
  void aFileIsADocumentWithItsNameSizeAndType() {
    MessageContent.Document document = (MessageContent.Document) message("file.json").content();

    assertThat(document.file().fileName()).isEqualTo("Счёт 42.pdf");
    assertThat(document.file().mimeType()).isEqualTo("application/pdf");
    assertThat(document.file().sizeBytes()).isEqualTo(OptionalLong.of(123457));
    assertThat(document.caption()).isEmpty();
    assertThat(FileRefs.parse(document.file().ref()).declaredSize())
        .isEqualTo(OptionalLong.of(123457));
  }

  @Test
  void aStickerIsAnImage() {
    MessageContent.Image image = (MessageContent.Image) message("sticker.json").content();

    assertThat(image.file().fileName()).isEqualTo("sticker.png");
    assertThat(image.file().mimeType()).isEqualTo("image/png");
  }

  @Test
  void aContactIsItsVcardsNameAndPhone() {
    assertThat(message("contact.json").content())
        .isEqualTo(new MessageContent.Contact("Иван Петров", Optional.of("+79001234567")));
  }

  @Test
  void aLocationIsItsCoordinates() {
    assertThat(message("location.json").content())
        .isEqualTo(new MessageContent.Location(55.7558, 37.6173, Optional.empty()));
  }

  @Test
  void aSharedLinkWithoutTextIsItsTitleAndUrl() {
    assertThat(message("share.json").content())
        .isEqualTo(new MessageContent.Text("Заказ 42\nhttps://example.org/order/42"));
  }

  @Test
  void aVoiceMessageIsUnsupported() {
    assertThat(message("audio.json").content())
        .isEqualTo(new MessageContent.Unsupported(UnsupportedKind.VOICE));
  }

  private List<MessageContent> parts(String fixture) {
    ChannelEvent event = decode(fixture);
    assertThat(event).isInstanceOf(MessageParts.class);
    List<ChannelMessage> parts = ((MessageParts) event).parts();
    ChannelMessage first = parts.get(0);
    assertThat(parts)
        .allSatisfy(
            part -> {
              assertThat(part.chat()).isEqualTo(first.chat());
              assertThat(part.sender()).isEqualTo(first.sender());
              assertThat(part.context()).isEqualTo(first.context());
            });
    return parts.stream().map(ChannelMessage::content).toList();
  }

  private static String url(MessageContent content) {
    MessageContent.Image image = (MessageContent.Image) content;
    return FileRefs.parse(image.file().ref()).url().toString();
  }

  @Test
  void threeImagesAreThreePartsInOrderWithTheTextOnceOnTheFirst() {
    List<MessageContent> parts = parts("images.json");

    assertThat(parts).hasSize(3).allMatch(MessageContent.Image.class::isInstance);
    assertThat(parts.stream().map(MaxDecoderTest::url))
        .containsExactly(
            "https://iu.oneme.ru/i?r=one",
            "https://iu.oneme.ru/i?r=two",
            "https://iu.oneme.ru/i?r=three");
    assertThat(parts.stream().map(part -> ((MessageContent.Image) part).caption()))
        .containsExactly(Optional.of("Три скриншота"), Optional.empty(), Optional.empty());
  }

  @Test
  void anImageAndAFileAreBothRelayed() {
    List<MessageContent> parts = parts("image_and_file.json");

    assertThat(parts).hasSize(2);
    assertThat(parts.get(0)).isInstanceOf(MessageContent.Image.class);
    MessageContent.Document file = (MessageContent.Document) parts.get(1);
    assertThat(file.file().fileName()).isEqualTo("Акт.pdf");
    assertThat(file.file().sizeBytes()).isEqualTo(OptionalLong.of(2048));
  }

  @Test
  void aTextWithSeveralFilesIsEachFileWithTheTextOnTheFirst() {
    List<MessageContent> parts = parts("text_and_files.json");

    assertThat(parts.stream().map(part -> ((MessageContent.Document) part).file().fileName()))
        .containsExactly("Счёт.pdf", "Договор.docx");
    assertThat(parts.stream().map(part -> ((MessageContent.Document) part).caption()))
        .containsExactly(Optional.of("Документы по заказу"), Optional.empty());
  }

  @Test
  void aTextNoPartCanCarryGoesFirstAndAVoicePartStaysUnsupportedBesideTheOthers() {
    assertThat(parts("text_and_voice.json"))
        .containsExactly(
            new MessageContent.Text("Послушайте"),
            new MessageContent.Unsupported(UnsupportedKind.VOICE),
            new MessageContent.Location(55.7558, 37.6173, Optional.empty()));
  }

  @Test
  void anEditOfAMessageOfPartsMarksEveryPartEdited() {
    String update =
        Fixtures.read("images.json").replace("\"message_created\"", "\"message_edited\"");

    assertThat(((MessageParts) decoder.decode(update)).parts())
        .hasSize(3)
        .allMatch(part -> part.context().edited());
  }

  @Test
  void aReplyQuotesTheFirstNonBlankLineOfTheMessageRepliedTo() {
    assertThat(message("reply.json").context().replyQuote()).contains("Ваш заказ готов");
  }

  @Test
  void aChannelPostIsIgnoredAndCounted() {
    assertThat(decode("channel_post.json")).isEqualTo(new Ignored("channel_message"));
    assertThat(decoder.ignoredCount()).isEqualTo(1);
  }

  @Test
  void botStoppedBlocksAndBotStartedUnblocksTheDialog() {
    assertThat(decode("bot_stopped.json"))
        .isEqualTo(
            new MembershipChanged(
                new ChatId("880001"), ChatKind.PRIVATE, Optional.empty(), Membership.BLOCKED));
    assertThat(decode("bot_started.json"))
        .isEqualTo(
            new MembershipChanged(
                new ChatId("880001"), ChatKind.PRIVATE, Optional.empty(), Membership.UNBLOCKED));
  }

  @Test
  void botAddedJoinsAndBotRemovedLeavesTheGroup() {
    ChatId group = new ChatId("-70801090403050");
    assertThat(decode("bot_added.json"))
        .isEqualTo(
            new MembershipChanged(group, ChatKind.GROUP, Optional.empty(), Membership.JOINED));
    assertThat(decode("bot_removed.json"))
        .isEqualTo(new MembershipChanged(group, ChatKind.GROUP, Optional.empty(), Membership.LEFT));
  }

  @Test
  void membersJoiningOrLeavingAGroupAreIgnoredByName() {
    assertThat(decode("user_added.json")).isEqualTo(new Ignored("user_added"));
    assertThat(decode("user_removed.json")).isEqualTo(new Ignored("user_removed"));
  }

  @Test
  void aBotsOwnMessageIsIgnored() {
    String update =
        Fixtures.read("group_text.json").replace("\"is_bot\": false", "\"is_bot\": true");

    assertThat(decoder.decode(update)).isEqualTo(new Ignored("bot_message"));
  }

  @Test
  void anUnknownUpdateTypeIsIgnoredNotRefused() {
    assertThat(decoder.decode("{\"update_type\":\"comment_created\",\"timestamp\":1}"))
        .isEqualTo(new Ignored("comment_created"));
  }

  @Test
  void whatIsNoMaxUpdateIsAnIllegalArgument() {
    assertThatThrownBy(() -> decoder.decode("not json {"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> decoder.decode("[1,2]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> decoder.decode("{\"update_id\":1}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                decoder.decode(
                    "{\"update_type\":\"message_created\",\"timestamp\":1,"
                        + "\"message\":{\"recipient\":{\"chat_type\":\"dialog\"},"
                        + "\"body\":{\"mid\":\"m\",\"text\":\"hi\"}}}"))
        .as("a message without a chat id")
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anAttachmentWithANonHttpUrlIsNotRelayedButTheTextIs() {
    String update =
        "{\"update_type\":\"message_created\",\"timestamp\":1,\"message\":{"
            + "\"sender\":{\"user_id\":1,\"first_name\":\"A\"},"
            + "\"recipient\":{\"chat_id\":5,\"chat_type\":\"dialog\"},"
            + "\"body\":{\"mid\":\"m\",\"text\":\"смотри\",\"attachments\":["
            + "{\"type\":\"image\",\"payload\":{\"url\":\"file:///etc/passwd\"}}]}}}";

    assertThat(((ChannelMessage) decoder.decode(update)).content())
        .isEqualTo(new MessageContent.Text("смотри"));
  }
}
