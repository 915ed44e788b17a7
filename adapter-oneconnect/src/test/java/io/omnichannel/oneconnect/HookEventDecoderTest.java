package io.omnichannel.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.Attachment;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.LineEvent;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.LinkButton;
import io.omnichannel.core.domain.Menu;
import io.omnichannel.core.domain.MenuButton;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.PlatformUserId;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every message_type of §5, in the JSON shape the emulator posts. */
class HookEventDecoderTest {
  private static final String LINE = "11111111-1111-1111-1111-111111111111";
  private static final String USER = "22222222-2222-2222-2222-222222222222";
  private static final String SPEC = "33333333-3333-3333-3333-333333333333";

  private final HookEventDecoder decoder = new HookEventDecoder();

  @Test
  void aSpecialistsTextIsASpecialistMessageWithoutKeyboardChange() {
    LineEvent event = decoder.decode(event(1, SPEC, "Добрый день", "{}", null));

    assertThat(event)
        .isEqualTo(
            new LineEvent.SpecialistMessage(
                line(),
                user(),
                new PlatformUserId(SPEC),
                new MessageContent.Text("Добрый день"),
                Keyboard.UNCHANGED));
  }

  @Test
  void aTextWithAKeyboardShowsTheMenuRowByRow() {
    LineEvent event =
        decoder.decode(
            event(
                1,
                SPEC,
                "Выберите",
                "{\"keyboard\":[[{\"id\":\"1\",\"text\":\"Да\"},{\"text\":\"Нет\"}],[{\"text\":\"Назад\"}]]}",
                null));

    assertThat(event)
        .isInstanceOfSatisfying(
            LineEvent.SpecialistMessage.class,
            m ->
                assertThat(m.keyboard())
                    .isEqualTo(
                        new Keyboard.ShowMenu(
                            new Menu(
                                List.of(
                                    List.of(new MenuButton("Да"), new MenuButton("Нет")),
                                    List.of(new MenuButton("Назад")))))));
  }

  @Test
  void aBroadcastIsItsNotificationWithItsButtonAsALink() {
    String event =
        "{\"event_type\":\"line\",\"event_source\":\"line\",\"line_id\":\""
            + LINE
            + "\",\"user_id\":\""
            + USER
            + "\",\"message_id\":\"m-2\",\"message_type\":2,"
            + "\"message_time\":\"2024-02-12T05:53:48.123456Z\",\"text\":\"\",\"data\":{},"
            + "\"partner_notification\":{\"id\":\"n-1\",\"theme\":\"Акция\",\"text\":\"Новости\","
            + "\"description_hint\":\"Открыть\",\"description_url\":\"https://example.com/news\"}}";

    assertThat(decoder.decode(event))
        .isEqualTo(
            new LineEvent.SpecialistMessage(
                line(),
                user(),
                new PlatformUserId(LINE),
                new MessageContent.Text("Акция\n\nНовости"),
                new Keyboard.Link(
                    new LinkButton("Открыть", URI.create("https://example.com/news")))));
  }

  @Test
  void droppingTheKeyboardIsKeyboardDropped() {
    assertThat(decoder.decode(event(1, SPEC, "", "{\"drop_keyboard\":true}", null)))
        .isEqualTo(new LineEvent.KeyboardDropped(line(), user()));
  }

  @Test
  void theUsersOwnMessageIsAUserMessage() {
    assertThat(decoder.decode(event(1, USER, "Привет", "{}", null)))
        .isEqualTo(new LineEvent.UserMessage(line(), user(), "Привет"));
  }

  @Test
  void anImageFileIsAnImageWithItsCaptionAndUrl() {
    String file =
        "{\"file_id\":\"f-1\",\"file_path\":\"http://127.0.0.1:1/v1/file/abc/\",\"file_name\":\"photo.jpg\",\"file_size\":2048}";

    LineEvent event = decoder.decode(event(70, SPEC, "Смотрите", "{}", file));

    assertThat(event)
        .isEqualTo(
            new LineEvent.SpecialistMessage(
                line(),
                user(),
                new PlatformUserId(SPEC),
                new MessageContent.Image(
                    Attachment.of(
                        "photo.jpg",
                        "image/jpeg",
                        2048,
                        new FileRef("http://127.0.0.1:1/v1/file/abc/")),
                    Optional.of("Смотрите")),
                Keyboard.UNCHANGED));
  }

  @Test
  void anyOtherFileIsADocument() {
    String file =
        "{\"file_id\":\"f-2\",\"file_path\":\"http://127.0.0.1:1/v1/file/def/\",\"file_name\":\"act.pdf\",\"file_size\":10}";

    LineEvent event = decoder.decode(event(70, SPEC, "", "{}", file));

    assertThat(event)
        .isInstanceOfSatisfying(
            LineEvent.SpecialistMessage.class,
            m -> {
              assertThat(m.content())
                  .isInstanceOfSatisfying(
                      MessageContent.Document.class,
                      d -> {
                        assertThat(d.file().fileName()).isEqualTo("act.pdf");
                        assertThat(d.file().sizeBytes()).hasValue(10);
                        assertThat(d.caption()).isEmpty();
                      });
            });
  }

  @Test
  void theEchoOfTheUsersOwnFileIsAUserMessage() {
    String file =
        "{\"file_id\":\"f-3\",\"file_path\":\"http://127.0.0.1:1/v1/file/x/\",\"file_name\":\"a.txt\",\"file_size\":1}";

    assertThat(decoder.decode(event(70, USER, "", "{}", file)))
        .isEqualTo(new LineEvent.UserMessage(line(), user(), "a.txt"));
  }

  @ParameterizedTest
  @CsvSource({
    "20, call-started-with-treatment",
    "21, call-started-without-treatment",
    "80, treatment-started-by-user",
    "81, treatment-started-by-specialist",
    "82, treatment-closed",
    "83, treatment-queued",
    "90, treatment-closed-inactive",
    "92, treatment-closed-subscription-removed",
    "3, report",
    "17, quality-rating",
    "52, remote-desktop-52",
    "123, service-request-done",
    "200, handed-to-bot"
  })
  void knownKindsTheRelayDoesNotUseAreIgnoredByName(int type, String kind) {
    assertThat(decoder.decode(event(type, SPEC, "", "{\"redirect\":\"menu\"}", null)))
        .isEqualTo(new LineEvent.Ignored(line(), user(), kind));
    assertThat(decoder.ignoredEventTypes()).isEmpty();
  }

  @Test
  void unknownTypesAreIgnoredAndCounted() {
    decoder.decode(event(555, SPEC, "", "{}", null));
    LineEvent event = decoder.decode(event(555, SPEC, "", "{}", null));
    decoder.decode(event(7, SPEC, "", "{}", null));

    assertThat(event).isEqualTo(new LineEvent.Ignored(line(), user(), "unknown:555"));
    assertThat(decoder.ignoredEventTypes())
        .isEqualTo(Map.of("message_type:7", 1L, "message_type:555", 2L));
  }

  @Test
  void anAutomaticCloseHasNoAuthorAndIsIgnoredByName() {
    String close =
        "{\"event_type\":\"line\",\"event_source\":\"line\",\"line_id\":\""
            + LINE
            + "\",\"user_id\":\""
            + USER
            + "\",\"message_id\":\"m-90\",\"message_type\":90,\"treatment_id\":\"t-1\","
            + "\"message_time\":\"2024-02-12T05:53:48.123456Z\"}";

    assertThat(decoder.decode(close))
        .isEqualTo(new LineEvent.Ignored(line(), user(), "treatment-closed-inactive"));
  }

  @Test
  void aTextWithoutAuthorIsNeverRelayedAsASpecialists() {
    String text = event(1, SPEC, "hi", "{}", null).replace(",\"author_id\":\"" + SPEC + "\"", "");

    assertThat(decoder.decode(text)).isEqualTo(new LineEvent.UserMessage(line(), user(), "hi"));
  }

  @Test
  void aSubscriptionEventIsDecodedWholeIntoTheCoresBanValue() throws Exception {
    String json =
        "{\"event_type\":\"subscription\",\"event_source\":\"line\",\"action\":\"delete\","
            + "\"subscription\":{\"service_id\":\""
            + LINE
            + "\",\"service_user_id\":\""
            + USER
            + "\",\"activate_date\":\"2026-01-01T00:00:00Z\",\"expires_date\":null}}";

    assertThat(decoder.decode(json))
        .isEqualTo(new LineEvent.SubscriptionChanged(line(), user(), true, Optional.empty()));
    assertThat(SubscriptionChange.of(Wire.JSON.readTree(json)))
        .isEqualTo(
            new SubscriptionChange(
                SubscriptionChange.Action.DELETE,
                line(),
                user(),
                Optional.of("2026-01-01T00:00:00Z"),
                Optional.empty()));
    assertThat(decoder.ignoredEventTypes()).isEmpty();
  }

  @Test
  void anUnlistedSubscriptionActionTellsNothing() {
    String json =
        "{\"event_type\":\"subscription\",\"action\":\"suspend\",\"subscription\":"
            + "{\"service_id\":\""
            + LINE
            + "\",\"service_user_id\":\""
            + USER
            + "\"}}";

    assertThat(decoder.decode(json))
        .isEqualTo(new LineEvent.Ignored(line(), user(), "subscription-other"));
  }

  @ParameterizedTest
  @CsvSource({
    "2026-03-01T10:00:00Z, 2026-03-01T10:00:00Z",
    "2026-03-01T10:00:00, 2026-03-01T10:00:00Z",
    "2026-03-01, 2026-03-01T00:00:00Z"
  })
  void subscriptionEndDatesAreReadInEveryShape(String wire, String instant) {
    assertThat(SubscriptionChange.instant(wire)).contains(java.time.Instant.parse(instant));
    assertThat(SubscriptionChange.instant("soon")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"event_type\":\"subscriber\",\"event_source\":\"line\",\"action\":\"update\",\"user\":{\"user_id\":\"u-1\",\"name\":\"\"}} | subscriber",
        "{\"event_type\":\"support_line\",\"event_source\":\"bot\",\"action\":\"add\",\"line\":{\"line_id\":\"l-1\",\"name\":\"L\"}} | support-line",
        "{\"event_type\":\"competence\",\"event_source\":\"line\",\"action\":\"add\",\"competence\":{\"specialist_id\":\"s-1\",\"line_id\":\"l-1\"}} | competence",
      })
  void theOtherKnownKindsAreIgnoredUncounted(String json, String kind) {
    assertThat(decoder.decode(json))
        .isInstanceOfSatisfying(
            LineEvent.Ignored.class, ignored -> assertThat(ignored.kind()).isEqualTo(kind));
    assertThat(decoder.ignoredEventTypes()).isEmpty();
  }

  @Test
  void anUnknownEventKindIsIgnoredAndCountedByItsName() {
    LineEvent event = decoder.decode("{\"event_type\":\"weather\",\"event_source\":\"line\"}");

    assertThat(event)
        .isInstanceOfSatisfying(
            LineEvent.Ignored.class,
            ignored -> assertThat(ignored.kind()).isEqualTo("unknown:weather"));
    assertThat(decoder.ignoredEventTypes()).isEqualTo(Map.of("event_type:weather", 1L));
  }

  @Test
  void aSpecialistsEmptyTextWithoutAnythingElseIsIgnored() {
    assertThat(decoder.decode(event(1, SPEC, "  ", "{}", null)))
        .isEqualTo(new LineEvent.Ignored(line(), user(), "empty-text"));
  }

  @Test
  void malformedEventsAreRefused() {
    assertThatThrownBy(() -> decoder.decode("not json"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> decoder.decode("[1,2]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> decoder.decode("{\"line_id\":\"" + LINE + "\",\"user_id\":\"" + USER + "\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("message_type");
    assertThatThrownBy(() -> decoder.decode("{\"user_id\":\"" + USER + "\",\"message_type\":1}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line_id");
    assertThatThrownBy(() -> decoder.decode(event(70, SPEC, "", "{}", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file");
    assertThatThrownBy(
            () -> decoder.decode(event(1, SPEC, "x", "{\"keyboard\":[[{\"id\":\"1\"}]]}", null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static String event(int type, String author, String text, String data, String file) {
    return "{\"line_id\":\""
        + LINE
        + "\",\"user_id\":\""
        + USER
        + "\",\"message_id\":\"m-"
        + type
        + "\","
        + "\"message_type\":"
        + type
        + ",\"author_id\":\""
        + author
        + "\","
        + "\"message_time\":\"2024-02-12T05:53:48.123456Z\",\"text\":\""
        + text
        + "\",\"data\":"
        + data
        + (file == null ? "" : ",\"file\":" + file)
        + "}";
  }

  private static LineId line() {
    return new LineId(LINE);
  }

  private static PlatformUserId user() {
    return new PlatformUserId(USER);
  }
}
