package io.omnichannel.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.HookCredentials;
import io.omnichannel.core.domain.InboundKind;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.failure.StorageUnavailable;
import io.omnichannel.core.fakes.InMemoryConnections;
import io.omnichannel.core.fakes.InMemoryInbox;
import io.omnichannel.core.fakes.ManualClock;
import io.omnichannel.core.port.in.Admission;
import io.omnichannel.core.usecase.AcceptingInbound;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hook handler in front of the real core {@link AcceptingInbound} with in-memory fakes. */
class HookHandlerTest extends SharedEmulator {
  private static final HookCredentials MANAGEMENT =
      new HookCredentials("management", Secret.of("mgmt-Pa55"));
  private static final String EVENT =
      HookEventDecoderTest.event(1, "33333333-3333-3333-3333-333333333333", "Hi", "{}", null);

  private final InMemoryConnections connections = new InMemoryConnections();
  private final InMemoryInbox inbox = new InMemoryInbox();
  private OneConnect adapter;
  private OneConnect.HookHandler handler;
  private Connection connection;

  @BeforeEach
  void wire() {
    connection = world.stored();
    connections.insert(connection);
    adapter =
        world.adapter(
            new AcceptingInbound(
                connections, inbox, MANAGEMENT, ManualClock.startingAt("2026-11-29T10:00:00Z")));
    handler = adapter.hookHandler();
  }

  @Test
  void anEventWithTheHooksCredentialsIsStoredThenAcknowledged() {
    OneConnect.HookResponse response =
        handler.handle(connection.id().value(), basic(connection.hookCredentials()), bytes(EVENT));

    assertThat(response).isEqualTo(new OneConnect.HookResponse(200, "stored"));
    assertThat(inbox.pending())
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.kind()).isEqualTo(InboundKind.LINE_EVENT);
              assertThat(record.connection()).hasValue(connection.id());
              assertThat(record.eventId()).isEqualTo("platform:m-1");
              assertThat(record.orderingKey())
                  .isEqualTo(connection.id().value() + "/22222222-2222-2222-2222-222222222222");
              assertThat(record.payload()).isEqualTo(EVENT);
            });
  }

  @Test
  void aRedeliveryIsAcknowledgedWithoutASecondRow() {
    handler.handle(connection.id().value(), basic(connection.hookCredentials()), bytes(EVENT));

    OneConnect.HookResponse again =
        handler.handle(connection.id().value(), basic(connection.hookCredentials()), bytes(EVENT));

    assertThat(again.status()).isEqualTo(200);
    assertThat(inbox.pending()).hasSize(1);
  }

  @Test
  void wrongBackAuthIs401AndNothingIsStored() {
    HookCredentials wrong =
        new HookCredentials(connection.hookCredentials().login(), Secret.of("guess"));

    assertThat(handler.handle(connection.id().value(), basic(wrong), bytes(EVENT)).status())
        .isEqualTo(401);
    assertThat(handler.handle(connection.id().value(), null, bytes(EVENT)).status()).isEqualTo(401);
    assertThat(handler.handle(connection.id().value(), "Basic !!!notbase64", bytes(EVENT)).status())
        .isEqualTo(401);
    assertThat(handler.handle(connection.id().value(), "Bearer some-token", bytes(EVENT)).status())
        .isEqualTo(401);
    assertThat(
            handler
                .handle("management", basic(connection.hookCredentials()), bytes(EVENT))
                .status())
        .isEqualTo(401);
    assertThat(inbox.rows()).isEmpty();
  }

  @Test
  void malformedBodiesAre400WithAShortReasonAndNothingIsStored() {
    String auth = basic(connection.hookCredentials());
    String id = connection.id().value();

    assertThat(handler.handle(id, auth, bytes("{not json")))
        .isEqualTo(new OneConnect.HookResponse(400, "malformed JSON"));
    assertThat(handler.handle(id, auth, bytes("[]")))
        .isEqualTo(new OneConnect.HookResponse(400, "a JSON object is expected"));
    assertThat(handler.handle(id, auth, bytes(EVENT.replace("\"message_id\"", "\"other\""))))
        .isEqualTo(new OneConnect.HookResponse(400, "message_id is missing"));
    assertThat(handler.handle(id, auth, bytes(EVENT.replace("\"user_id\"", "\"other\""))))
        .isEqualTo(new OneConnect.HookResponse(400, "user_id is missing"));
    assertThat(handler.handle(id, auth, bytes("")).status()).isEqualTo(400);
    assertThat(inbox.rows()).isEmpty();
  }

  @Test
  void anUnknownConnectionIs404() {
    assertThat(
            handler
                .handle("conn-unknown", basic(connection.hookCredentials()), bytes(EVENT))
                .status())
        .isEqualTo(404);
  }

  @Test
  void aDisconnectedConnectionIsAcknowledgedSoThePlatformStopsRetryingButNothingIsStored() {
    connections.update(connection.disconnected(Instant.parse("2026-11-29T11:00:00Z")));

    OneConnect.HookResponse response =
        handler.handle(connection.id().value(), basic(connection.hookCredentials()), bytes(EVENT));

    assertThat(response).isEqualTo(new OneConnect.HookResponse(200, "disconnected"));
    assertThat(inbox.rows()).isEmpty();
  }

  @Test
  void theManagementHookStoresAManagementEvent() {
    OneConnect.HookResponse response =
        handler.handle("management", basic(MANAGEMENT), bytes(EVENT));

    assertThat(response.status()).isEqualTo(200);
    List<InboundRecord> stored = inbox.pending();
    assertThat(stored)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(InboundKind.MANAGEMENT_EVENT);
              assertThat(r.connection()).isEmpty();
            });
  }

  @Test
  void eventsOfOtherKindsAreStoredUnderADigestOfTheirBodyAndAcknowledgedNeverRefused() {
    String subscription =
        "{\"event_type\":\"subscription\",\"event_source\":\"line\",\"action\":\"delete\","
            + "\"subscription\":{\"service_id\":\"11111111-1111-1111-1111-111111111111\","
            + "\"service_user_id\":\"22222222-2222-2222-2222-222222222222\","
            + "\"activate_date\":\"2026-01-01T00:00:00Z\",\"expires_date\":null}}";
    String unknown = "{\"event_type\":\"something_new\",\"event_source\":\"line\",\"x\":1}";
    String auth = basic(connection.hookCredentials());
    String id = connection.id().value();

    assertThat(handler.handle(id, auth, bytes(subscription)))
        .isEqualTo(new OneConnect.HookResponse(200, "stored"));
    assertThat(handler.handle(id, auth, bytes(unknown)))
        .isEqualTo(new OneConnect.HookResponse(200, "stored"));
    assertThat(handler.handle(id, auth, bytes(unknown)))
        .isEqualTo(new OneConnect.HookResponse(200, "duplicate"));

    assertThat(inbox.pending())
        .extracting(InboundRecord::eventId, InboundRecord::orderingKey)
        .satisfiesExactly(
            first -> {
              assertThat((String) first.toList().get(0)).startsWith("platform:subscription:");
              assertThat(first.toList().get(1))
                  .isEqualTo(id + "/22222222-2222-2222-2222-222222222222");
            },
            second -> {
              assertThat((String) second.toList().get(0)).startsWith("platform:something_new:");
              assertThat(second.toList().get(1)).isEqualTo(id + "/something_new");
            });
  }

  @Test
  void aSubscriptionBodyRepeatedLaterIsStoredAgain() {
    // off and on again: the second add repeats the first to the byte, and must lift the ban
    String added =
        "{\"event_type\":\"subscription\",\"event_source\":\"line\",\"action\":\"add\","
            + "\"subscription\":{\"service_id\":\"11111111-1111-1111-1111-111111111111\","
            + "\"service_user_id\":\"22222222-2222-2222-2222-222222222222\","
            + "\"activate_date\":\"2026-01-01T00:00:00Z\",\"expires_date\":null}}";
    String auth = basic(connection.hookCredentials());
    String id = connection.id().value();

    assertThat(handler.handle(id, auth, bytes(added)))
        .isEqualTo(new OneConnect.HookResponse(200, "stored"));
    assertThat(handler.handle(id, auth, bytes(added)))
        .isEqualTo(new OneConnect.HookResponse(200, "stored"));
    assertThat(inbox.pending()).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "line-text-specialist",
        "line-file-image",
        "line-file-document",
        "line-broadcast",
        "line-broadcast-without-button",
        "line-treatment-started-80",
        "line-closed-automatically-90",
        "line-closed-subscription-removed-92",
        "line-handed-to-bot-200",
        "line-call-started-20",
        "line-service-request-121",
        "line-unknown-type",
        "subscription-delete",
        "subscription-add",
        "subscription-update",
        "subscriber-update",
        "support-line-update",
        "competence-add",
        "unknown-event-type"
      })
  void everyFixtureKindButTheUsersOwnMessageIsStoredAndAcknowledged(String fixture) {
    OneConnect.HookResponse response =
        handler.handle(
            connection.id().value(),
            basic(connection.hookCredentials()),
            () -> Fixtures.bytes("events/" + fixture + ".json"));

    assertThat(response).isEqualTo(new OneConnect.HookResponse(200, "stored"));
    assertThat(inbox.pending()).hasSize(1);
    assertThat(adapter.echoesUnstored()).isZero();
  }

  /** The echo of what the gateway delivered into the line: never relayed back, so not stored. */
  @ParameterizedTest
  @ValueSource(strings = {"line-text-user", "line-file-user"})
  void theUsersOwnTextOrFileIsAcknowledgedUnstoredAndCounted(String fixture) {
    OneConnect.HookResponse response =
        handler.handle(
            connection.id().value(),
            basic(connection.hookCredentials()),
            () -> Fixtures.bytes("events/" + fixture + ".json"));

    assertThat(response).isEqualTo(new OneConnect.HookResponse(200, "echo"));
    assertThat(inbox.rows()).isEmpty();
    assertThat(adapter.echoesUnstored()).isEqualTo(1);
  }

  @Test
  void aSpecialistsMessageToTheSameUserIsStored() {
    String users = Fixtures.text("events/line-text-user.json");
    String specialists =
        users.replace(
            "\"author_id\":\"" + Fixtures.USER + "\"",
            "\"author_id\":\"" + Fixtures.SPECIALIST + "\"");
    assertThat(specialists).isNotEqualTo(users);

    assertThat(
            handler.handle(
                connection.id().value(), basic(connection.hookCredentials()), bytes(specialists)))
        .isEqualTo(new OneConnect.HookResponse(200, "stored"));
    assertThat(inbox.pending()).hasSize(1);
    assertThat(adapter.echoesUnstored()).isZero();
  }

  @Test
  void aUsersTextWithoutAnAuthorIsStoredAsNotClearlyAnEcho() {
    String withoutAuthor =
        Fixtures.text("events/line-text-user.json")
            .replace("\"author_id\":\"" + Fixtures.USER + "\",", "");
    assertThat(withoutAuthor).doesNotContain("author_id");

    assertThat(
            handler.handle(
                connection.id().value(), basic(connection.hookCredentials()), bytes(withoutAuthor)))
        .isEqualTo(new OneConnect.HookResponse(200, "stored"));
    assertThat(inbox.pending()).hasSize(1);
  }

  @Test
  void theManagementLinesOwnUserMessageIsStoredForItsDialog() {
    String users = Fixtures.text("events/line-text-user.json");

    assertThat(handler.handle("management", basic(MANAGEMENT), bytes(users)))
        .isEqualTo(new OneConnect.HookResponse(200, "stored"));
    assertThat(inbox.pending())
        .singleElement()
        .satisfies(r -> assertThat(r.kind()).isEqualTo(InboundKind.MANAGEMENT_EVENT));
    assertThat(adapter.echoesUnstored()).isZero();
  }

  @Test
  void thePathSecretAloneAuthenticatesWhenTheServiceSendsNoBackAuth() {
    String hook = secrets().segment(connection.id().value(), connection.hookCredentials());

    assertThat(handler.handle(hook, null, bytes(EVENT)))
        .isEqualTo(new OneConnect.HookResponse(200, "stored"));
    assertThat(handler.handle(hook, basic(connection.hookCredentials()), bytes(EVENT)))
        .isEqualTo(new OneConnect.HookResponse(200, "duplicate"));
  }

  @Test
  void aWrongPathSecretIs401EvenWithTheRightBackAuth() {
    String id = connection.id().value();
    String otherHooks =
        secrets().segment("another-hook", connection.hookCredentials()).split("\\.", 2)[1];
    String otherCredentials =
        secrets().segment(id, new HookCredentials("hook-x", Secret.of("guessed")));

    for (String hook : List.of(id + ".", id + ".bm90LWEtc2VjcmV0", id + "." + otherHooks)) {
      assertThat(handler.handle(hook, basic(connection.hookCredentials()), bytes(EVENT)))
          .as(hook)
          .isEqualTo(new OneConnect.HookResponse(401, "unauthorized"));
    }
    assertThat(handler.handle(otherCredentials, null, bytes(EVENT)).status()).isEqualTo(401);
    assertThat(handler.handle(id, null, bytes(EVENT)).status()).isEqualTo(401);
    assertThat(inbox.rows()).isEmpty();
  }

  @Test
  void aManagementHookWithItsPathSecretAloneIsStored() {
    String hook = secrets().segment("management", MANAGEMENT);

    assertThat(handler.handle(hook, null, bytes(EVENT)).status()).isEqualTo(200);
    assertThat(inbox.pending())
        .singleElement()
        .extracting(InboundRecord::kind)
        .isEqualTo(InboundKind.MANAGEMENT_EVENT);
  }

  private HookPathSecrets secrets() {
    return new HookPathSecrets(world.config().servicePassword());
  }

  @Test
  void anEventOfAnotherKindWithWrongCredentialsIsStill401() {
    String subscriber =
        "{\"event_type\":\"subscriber\",\"event_source\":\"line\",\"action\":\"update\","
            + "\"user\":{\"user_id\":\"u\"}}";
    assertThat(handler.handle(connection.id().value(), "Basic eDp5", bytes(subscriber)).status())
        .isEqualTo(401);
    assertThat(inbox.rows()).isEmpty();
  }

  @Test
  void aStorageFailureIs503SoThePlatformRetries() {
    OneConnect.HookHandler failing =
        world
            .adapter(
                new TestWorld.RefusingGateway() {
                  @Override
                  public Admission admitLineEvent(ConnectionId id, String login, String password) {
                    Admission.Admitted storing =
                        event -> {
                          throw new StorageUnavailable("database down", new RuntimeException("x"));
                        };
                    return storing;
                  }
                })
            .hookHandler();

    assertThat(
            failing
                .handle(connection.id().value(), basic(connection.hookCredentials()), bytes(EVENT))
                .status())
        .isEqualTo(503);
  }

  static String basic(HookCredentials credentials) {
    String pair = credentials.login() + ":" + credentials.password().reveal();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static Supplier<byte[]> bytes(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return () -> bytes;
  }

  @Test
  void aStrangersBodyIsNeverRead() {
    Supplier<byte[]> untouchable =
        () -> {
          throw new AssertionError("the body of an unchecked call was read");
        };
    HookCredentials wrong =
        new HookCredentials(connection.hookCredentials().login(), Secret.of("guess"));
    String id = connection.id().value();

    assertThat(handler.handle(id, basic(wrong), untouchable).status()).isEqualTo(401);
    assertThat(handler.handle(id, null, untouchable).status()).isEqualTo(401);
    assertThat(handler.handle(id, "Basic !!!notbase64", untouchable).status()).isEqualTo(401);
    assertThat(handler.handle("management", basic(wrong), untouchable).status()).isEqualTo(401);
    assertThat(handler.handle("conn-unknown", basic(wrong), untouchable).status()).isEqualTo(404);
  }

  @Test
  void idsTooLongToStoreAre400NotARetry() {
    String auth = basic(connection.hookCredentials());
    String id = connection.id().value();

    assertThat(
            handler.handle(
                id, auth, bytes(EVENT.replace("\"m-1\"", "\"" + "m".repeat(100_000) + "\""))))
        .isEqualTo(new OneConnect.HookResponse(400, "an id is longer than any this hook takes"));
    assertThat(
            handler
                .handle(
                    "management",
                    basic(MANAGEMENT),
                    bytes(EVENT.replace("\"m-1\"", "\"" + "m".repeat(300) + "\"")))
                .status())
        .isEqualTo(400);
    assertThat(handler.handle("c".repeat(65), auth, bytes(EVENT)).status()).isEqualTo(400);
    assertThat(inbox.rows()).isEmpty();
  }
}
