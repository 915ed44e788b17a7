package io.omnichannel.oneconnect;

import static io.omnichannel.oneconnect.Fixtures.LINE;
import static io.omnichannel.oneconnect.Fixtures.SPECIALIST;
import static io.omnichannel.oneconnect.Fixtures.USER;
import static io.omnichannel.oneconnect.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.LineEvent;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.LinkButton;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.PlatformUserId;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decoder against hook bodies of every §5 kind, without the emulator. */
class EventFixturesTest {
  private final HookEventDecoder decoder = new HookEventDecoder();

  @Test
  void aSpecialistsTextWithTreatmentIdIsRelayed() {
    assertThat(decoder.decode(event("line-text-specialist")))
        .isEqualTo(
            new LineEvent.SpecialistMessage(
                line(),
                user(),
                new PlatformUserId(SPECIALIST),
                new MessageContent.Text("Здравствуйте! Чем помочь?"),
                Keyboard.UNCHANGED));
  }

  @Test
  void theUsersOwnTextFromABotHookWithoutDataIsTheirs() {
    assertThat(decoder.decode(event("line-text-user")))
        .isEqualTo(new LineEvent.UserMessage(line(), user(), "Не приходит счёт"));
  }

  @Test
  void anImageFileObjectIsAnImageNamedSizedAndTypedByItsName() {
    LineEvent event = decoder.decode(event("line-file-image"));

    assertThat(event)
        .isInstanceOfSatisfying(
            LineEvent.SpecialistMessage.class,
            m ->
                assertThat(m.content())
                    .isInstanceOfSatisfying(
                        MessageContent.Image.class,
                        image -> {
                          assertThat(image.file().fileName()).isEqualTo("screenshot.png");
                          assertThat(image.file().mimeType()).isEqualTo("image/png");
                          assertThat(image.file().sizeBytes()).hasValue(48213);
                          assertThat(image.file().ref())
                              .isEqualTo(
                                  new FileRef(
                                      "https://files.example.invalid/v1/file/"
                                          + "f0000000-0000-4000-8000-000000000201/"));
                          assertThat(image.caption()).hasValue("Вот так должно быть");
                        }));
  }

  @Test
  void anyOtherFileObjectIsADocumentWithoutCaption() {
    assertThat(decoder.decode(event("line-file-document")))
        .isInstanceOfSatisfying(
            LineEvent.SpecialistMessage.class,
            m ->
                assertThat(m.content())
                    .isInstanceOfSatisfying(
                        MessageContent.Document.class,
                        doc -> {
                          assertThat(doc.file().fileName()).isEqualTo("Акт сверки.xlsx");
                          assertThat(doc.file().mimeType())
                              .isEqualTo(
                                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                          assertThat(doc.file().sizeBytes()).hasValue(10240);
                          assertThat(doc.caption()).isEmpty();
                        }));
  }

  @Test
  void theUsersOwnFileIsTheirsByName() {
    assertThat(decoder.decode(event("line-file-user")))
        .isEqualTo(new LineEvent.UserMessage(line(), user(), "error.txt"));
  }

  @Test
  void aBroadcastWithoutAuthorComesFromTheLineWithItsButton() {
    assertThat(decoder.decode(event("line-broadcast")))
        .isEqualTo(
            new LineEvent.SpecialistMessage(
                line(),
                user(),
                new PlatformUserId(LINE),
                new MessageContent.Text("Обновление\n\nВышла новая версия сервиса."),
                new Keyboard.Link(
                    new LinkButton("Подробнее", URI.create("https://example.invalid/news/42")))));
    assertThat(decoder.decode(event("line-broadcast-without-button")))
        .isEqualTo(
            new LineEvent.SpecialistMessage(
                line(),
                user(),
                new PlatformUserId(SPECIALIST),
                new MessageContent.Text("Плановые работы в субботу."),
                Keyboard.UNCHANGED));
  }

  @ParameterizedTest
  @CsvSource({
    "line-treatment-started-80, treatment-started-by-user",
    "line-closed-automatically-90, treatment-closed-inactive",
    "line-closed-subscription-removed-92, treatment-closed-subscription-removed",
    "line-handed-to-bot-200, handed-to-bot",
    "line-call-started-20, call-started-with-treatment",
    "line-service-request-121, service-request-created",
  })
  void knownEventsTheRelayDoesNotUseAreIgnoredByNameAndNotCounted(String fixture, String kind) {
    assertThat(decoder.decode(event(fixture)))
        .isEqualTo(new LineEvent.Ignored(line(), user(), kind));
    assertThat(decoder.ignoredEventTypes()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"subscriber-update, subscriber", "support-line-update, support-line"})
  void profileAndLineChangesAreIgnoredAndNotCounted(String fixture, String kind) {
    assertThat(decoder.decode(event(fixture)))
        .isInstanceOfSatisfying(
            LineEvent.Ignored.class, ignored -> assertThat(ignored.kind()).isEqualTo(kind));
    assertThat(decoder.ignoredEventTypes()).isEmpty();
  }

  @Test
  void aCompetenceEventNamesItsLineAndSpecialist() {
    assertThat(decoder.decode(event("competence-add")))
        .isEqualTo(new LineEvent.Ignored(line(), new PlatformUserId(SPECIALIST), "competence"));
  }

  @Test
  void unknownKindsAndTypesAreIgnoredAndCounted() {
    assertThat(decoder.decode(event("line-unknown-type")))
        .isEqualTo(new LineEvent.Ignored(line(), user(), "unknown:777"));
    assertThat(decoder.decode(event("unknown-event-type")))
        .isInstanceOfSatisfying(
            LineEvent.Ignored.class,
            ignored -> assertThat(ignored.kind()).isEqualTo("unknown:ticket"));
    assertThat(decoder.ignoredEventTypes())
        .isEqualTo(Map.of("message_type:777", 1L, "event_type:ticket", 1L));
  }

  @Test
  void subscriptionEventsBecomeTheCoresBanValue() {
    assertThat(decoder.decode(event("subscription-delete")))
        .isEqualTo(new LineEvent.SubscriptionChanged(line(), user(), true, Optional.empty()));
    assertThat(decoder.decode(event("subscription-add")))
        .isInstanceOfSatisfying(
            LineEvent.SubscriptionChanged.class, added -> assertThat(added.removed()).isFalse());
    assertThat(decoder.decode(event("subscription-update")))
        .isEqualTo(
            new LineEvent.SubscriptionChanged(
                line(), user(), false, Optional.of(Instant.parse("2025-12-31T23:59:59Z"))));
    assertThat(decoder.ignoredEventTypes()).isEmpty();
  }

  @Test
  void aSubscriptionEventKeepsItsDatesForTheBansToCome() throws Exception {
    assertThat(SubscriptionChange.of(Wire.JSON.readTree(event("subscription-update"))))
        .isEqualTo(
            new SubscriptionChange(
                SubscriptionChange.Action.UPDATE,
                line(),
                user(),
                Optional.of("2025-03-06T08:00:00Z"),
                Optional.of("2025-12-31T23:59:59Z")));
  }

  private static LineId line() {
    return new LineId(LINE);
  }

  private static PlatformUserId user() {
    return new PlatformUserId(USER);
  }
}
