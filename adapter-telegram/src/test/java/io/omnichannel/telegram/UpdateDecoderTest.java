package io.omnichannel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.core.domain.Attachment;
import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.ChannelEvent.ChannelMessage;
import io.omnichannel.core.domain.ChannelEvent.ChatMigrated;
import io.omnichannel.core.domain.ChannelEvent.Ignored;
import io.omnichannel.core.domain.ChannelEvent.Membership;
import io.omnichannel.core.domain.ChannelEvent.MembershipChanged;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ChatKind;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.MessageContent.UnsupportedKind;
import io.omnichannel.core.domain.MessageContext;
import io.omnichannel.core.domain.Sender;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One recorded update per mapping (src/test/resources/updates), decoded without any I/O. */
class UpdateDecoderTest {
  private static final ChatId ALICE_CHAT = new ChatId("42");
  private static final ChatId GROUP = new ChatId("-4242");
  private static final ChatId SUPERGROUP = new ChatId("-1001000004242");
  private static final Sender ALICE = new Sender("Alice Smith", Optional.of("alice"));

  private final UpdateDecoder decoder = new UpdateDecoder(new ObjectMapper());

  private ChannelEvent decode(String fixture) {
    try (InputStream in = getClass().getResourceAsStream("/updates/" + fixture + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + fixture);
      }
      return decoder.decode(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ChannelMessage message(String fixture) {
    ChannelEvent event = decode(fixture);
    assertThat(event).isInstanceOf(ChannelMessage.class);
    return (ChannelMessage) event;
  }

  @Test
  void entitiesTelegramFoundInATextLeaveTheTextAsWritten() {
    assertThat(message("text_with_entities").content())
        .isEqualTo(new MessageContent.Text("👋 @alice_bot https://t.me/x #тег /help@support_bot"));
  }

  @Test
  void aPrivateTextCarriesTheUsersFullNameAndUsername() {
    assertThat(message("private_text"))
        .isEqualTo(
            new ChannelMessage(
                ALICE_CHAT,
                ChatKind.PRIVATE,
                Optional.empty(),
                ALICE,
                new MessageContent.Text("Здравствуйте!\nВопрос по заказу"),
                MessageContext.PLAIN));
  }

  @Test
  void groupAndSupergroupMessagesAreGroupMessagesWithTheirTitleAndTheMember() {
    ChannelMessage group = message("group_text");
    assertThat(group.chat()).isEqualTo(GROUP);
    assertThat(group.kind()).isEqualTo(ChatKind.GROUP);
    assertThat(group.chatTitle()).contains("Team");
    assertThat(group.sender()).isEqualTo(new Sender("Bob", Optional.empty()));

    ChannelMessage supergroup = message("supergroup_text");
    assertThat(supergroup.chat()).isEqualTo(SUPERGROUP);
    assertThat(supergroup.kind()).isEqualTo(ChatKind.GROUP);
    assertThat(supergroup.sender()).isEqualTo(ALICE);
  }

  @Test
  void anAnonymousGroupAdminWritesAsTheGroup() {
    assertThat(message("anonymous_admin").sender().displayName()).isEqualTo("Team");
  }

  @Test
  void aPhotoIsItsLargestSizeWithItsCaption() {
    assertThat(message("photo").content())
        .isEqualTo(
            new MessageContent.Image(
                new Attachment(
                    "photo_AQAD3.jpg",
                    "image/jpeg",
                    OptionalLong.of(300_000),
                    new FileRef("AgAC-photo-3")),
                Optional.of("my cat")));
  }

  @Test
  void aPhotoWhoseLargestSizeIsOverTheInboundLimitIsTheLargestSizeWithinIt() {
    MessageContent.Image image =
        (MessageContent.Image) message("photo_largest_over_limit").content();
    assertThat(image.file().ref()).isEqualTo(new FileRef("AgAC-photo-2"));
    assertThat(image.file().sizeBytes()).hasValue(4L * 1024 * 1024);
  }

  @Test
  void aPhotoWithNoSizeWithinTheLimitIsTheLargestSoTheCoreRefusesIt() {
    MessageContent.Image image = (MessageContent.Image) message("photo_all_over_limit").content();
    assertThat(image.file().ref()).isEqualTo(new FileRef("AgAC-photo-3"));
    assertThat(image.file().sizeBytes()).hasValue(12L * 1024 * 1024);
  }

  @Test
  void aDocumentKeepsItsNameTypeSizeAndCaption() {
    assertThat(message("document").content())
        .isEqualTo(
            new MessageContent.Document(
                new Attachment(
                    "invoice.pdf",
                    "application/pdf",
                    OptionalLong.of(123_456),
                    new FileRef("BQAC-doc")),
                Optional.of("счёт")));
  }

  @Test
  void voiceAndVideoNotesAreUnsupported() {
    assertThat(message("voice").content())
        .isEqualTo(new MessageContent.Unsupported(UnsupportedKind.VOICE));
    assertThat(message("video_note").content())
        .isEqualTo(new MessageContent.Unsupported(UnsupportedKind.VIDEO_NOTE));
  }

  @Test
  void aStickerIsAnImageCaptionedWithItsEmoji() {
    assertThat(message("sticker").content())
        .isEqualTo(
            new MessageContent.Image(
                new Attachment(
                    "sticker.webp",
                    "image/webp",
                    OptionalLong.of(24_000),
                    new FileRef("CAAC-sticker")),
                Optional.of("😀")));
  }

  @Test
  void locationsVenuesAndContactsAreMapped() {
    assertThat(message("location").content())
        .isEqualTo(new MessageContent.Location(55.7558, 37.6173, Optional.empty()));
    assertThat(message("venue").content())
        .isEqualTo(new MessageContent.Location(59.93, 30.31, Optional.of("Эрмитаж")));
    assertThat(message("contact").content())
        .isEqualTo(new MessageContent.Contact("Ivan Petrov", Optional.of("+79001234567")));
  }

  @ParameterizedTest
  @CsvSource({
    "video, clip.mp4, video/mp4, BAAC-video",
    "audio, audio.mp3, audio/mpeg, CQAC-audio",
    "animation, fun.gif.mp4, video/mp4, CgAC-anim"
  })
  void videoAudioAndAnimationsAreDocuments(
      String fixture, String name, String mime, String fileId) {
    MessageContent.Document document = (MessageContent.Document) message(fixture).content();
    assertThat(document.file().fileName()).isEqualTo(name);
    assertThat(document.file().mimeType()).isEqualTo(mime);
    assertThat(document.file().ref()).isEqualTo(new FileRef(fileId));
  }

  @Test
  void anEditIsMarkedEdited() {
    ChannelMessage edited = message("edited");
    assertThat(edited.context().edited()).isTrue();
    assertThat(edited.content()).isEqualTo(new MessageContent.Text("fixed text"));
  }

  @Test
  void aReplyQuotesTheFirstLineOfWhatItAnswers() {
    assertThat(message("reply").context().replyQuote()).contains("Which order?");
  }

  @Test
  void anAlbumItemCarriesItsMediaGroup() {
    assertThat(message("media_group").context().mediaGroupId()).contains("13000000000000001");
  }

  @ParameterizedTest
  @CsvSource({
    "bot_added_to_group, -4242, GROUP, JOINED",
    "bot_removed_from_group, -4242, GROUP, LEFT",
    "bot_kicked_from_supergroup, -1001000004242, GROUP, LEFT",
    "user_blocked_bot, 42, PRIVATE, BLOCKED",
    "user_unblocked_bot, 42, PRIVATE, UNBLOCKED"
  })
  void theBotsOwnMembershipChanges(
      String fixture, String chat, ChatKind kind, Membership membership) {
    ChannelEvent event = decode(fixture);
    assertThat(event).isInstanceOf(MembershipChanged.class);
    MembershipChanged change = (MembershipChanged) event;
    assertThat(change.chat()).isEqualTo(new ChatId(chat));
    assertThat(change.kind()).isEqualTo(kind);
    assertThat(change.membership()).isEqualTo(membership);
  }

  @Test
  void aMigrationIsKnownFromTheOldChatAndFromTheNewOneAlike() {
    ChatMigrated expected = new ChatMigrated(GROUP, SUPERGROUP);
    assertThat(decode("migrate_to")).isEqualTo(expected);
    assertThat(decode("migrate_from")).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "callback_query, callback_query",
    "channel_post, channel_post",
    "future_kind, message_reaction_count",
    "new_members_service, service_message",
    "poll, service_message",
    "bot_promoted_in_group, my_chat_member"
  })
  void whatTheGatewayDoesNotUseIsIgnoredAndCounted(String fixture, String kind) {
    long before = decoder.ignoredCount();

    assertThat(decode(fixture)).isEqualTo(new Ignored(kind));
    assertThat(decoder.ignoredCount()).isEqualTo(before + 1);
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(message("unknown_fields").content()).isEqualTo(new MessageContent.Text("new api"));
  }

  @Test
  void aPayloadThatIsNotAnUpdateIsAnIllegalArgument() {
    assertThatThrownBy(() -> decoder.decode("{oops")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> decoder.decode("[]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> decoder.decode("{\"update_id\":1,\"message\":{\"message_id\":1,\"text\":\"x\"}}"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
