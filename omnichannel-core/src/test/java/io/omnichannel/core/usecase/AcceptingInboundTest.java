package io.omnichannel.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.InboundKind;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.fakes.CoreFixture;
import io.omnichannel.core.port.in.Admission;
import io.omnichannel.core.port.in.InboundGateway.Acceptance;
import io.omnichannel.core.port.in.RawEvent;
import io.omnichannel.core.port.out.ConnectionRepository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AcceptingInboundTest {
  private final CoreFixture f = new CoreFixture();
  private final Connection connection = f.connectedLine("Поддержка", "Shop Bot", "shop_bot");
  private final String webhookSecret = f.messenger.webhookSecret(connection.id()).reveal();

  private static RawEvent update(String updateId, String chatId) {
    return new RawEvent(updateId, chatId, "{\"update_id\":" + updateId + "}");
  }

  private Acceptance webhook(Connection to, String secret, RawEvent event) {
    return f.accepting.admitWebhookUpdate(to.id(), secret).accept(event);
  }

  @Test
  void aWebhookUpdateWithTheSecretGivenToTheMessengerIsStoredAsItArrived() {
    Acceptance acceptance = webhook(connection, webhookSecret, update("42", "501"));

    assertThat(acceptance).isEqualTo(Acceptance.STORED);
    assertThat(f.inbox.pending())
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.kind()).isEqualTo(InboundKind.CHANNEL_UPDATE);
              assertThat(record.connection()).contains(connection.id());
              assertThat(record.eventId()).isEqualTo("telegram:" + connection.bot().id() + ":42");
              assertThat(record.orderingKey()).isEqualTo(connection.id() + "/501");
              assertThat(record.payload()).isEqualTo("{\"update_id\":42}");
              assertThat(record.receivedAt()).isEqualTo(f.clock.instant());
            });
  }

  @Test
  void aWebhookUpdateWithAWrongOrMissingSecretIsRefusedAndNothingStored() {
    assertThat(webhook(connection, webhookSecret + "x", update("42", "501")))
        .isEqualTo(Acceptance.UNAUTHORIZED);
    assertThat(webhook(connection, "", update("43", "501"))).isEqualTo(Acceptance.UNAUTHORIZED);
    assertThat(webhook(connection, null, update("44", "501"))).isEqualTo(Acceptance.UNAUTHORIZED);

    assertThat(f.inbox.rows()).isEmpty();
  }

  @Test
  void theSecretOfAnotherBotDoesNotOpenThisWebhook() {
    Connection other = f.connectedLine("Продажи", "Sales Bot", "sales_bot");
    String otherSecret = f.messenger.webhookSecret(other.id()).reveal();

    assertThat(webhook(connection, otherSecret, update("42", "501")))
        .isEqualTo(Acceptance.UNAUTHORIZED);
    assertThat(f.inbox.rows()).isEmpty();
  }

  @Test
  void theSameUpdateDeliveredTwiceIsStoredOnce() {
    assertThat(webhook(connection, webhookSecret, update("42", "501")))
        .isEqualTo(Acceptance.STORED);
    assertThat(webhook(connection, webhookSecret, update("42", "501")))
        .isEqualTo(Acceptance.DUPLICATE);
    assertThat(f.accepting.acceptPolledUpdate(connection.id(), update("42", "501")))
        .isEqualTo(Acceptance.DUPLICATE);

    assertThat(f.inbox.rows()).hasSize(1);
  }

  @Test
  void updateIdsCountPerBotSoTwoBotsMayShareOne() {
    Connection other = f.connectedLine("Продажи", "Sales Bot", "sales_bot");

    assertThat(f.accepting.acceptPolledUpdate(connection.id(), update("42", "501")))
        .isEqualTo(Acceptance.STORED);
    assertThat(f.accepting.acceptPolledUpdate(other.id(), update("42", "501")))
        .isEqualTo(Acceptance.STORED);

    assertThat(f.inbox.pending())
        .extracting(InboundRecord::eventId)
        .containsExactly(
            "telegram:" + connection.bot().id() + ":42", "telegram:" + other.bot().id() + ":42");
    assertThat(f.inbox.pending()).extracting(InboundRecord::orderingKey).doesNotHaveDuplicates();
  }

  @Test
  void eventsOfOneChatShareAnOrderingKeyAndOtherChatsDoNot() {
    f.accepting.acceptPolledUpdate(connection.id(), update("1", "501"));
    f.accepting.acceptPolledUpdate(connection.id(), update("2", "501"));
    f.accepting.acceptPolledUpdate(connection.id(), update("3", "777"));

    assertThat(f.inbox.pending())
        .extracting(InboundRecord::orderingKey)
        .containsExactly(
            connection.id() + "/501", connection.id() + "/501", connection.id() + "/777");
  }

  @Test
  void anUpdateForAnUnknownConnectionIsNotStored() {
    Acceptance acceptance =
        f.accepting
            .admitWebhookUpdate(new ConnectionId("nope"), webhookSecret)
            .accept(update("42", "501"));

    assertThat(acceptance).isEqualTo(Acceptance.UNKNOWN_CONNECTION);
    assertThat(f.inbox.rows()).isEmpty();
  }

  @Test
  void anUpdateForADisconnectedConnectionIsAcknowledgedButNotStored() {
    f.connections.update(connection.disconnected(f.clock.instant()));

    assertThat(webhook(connection, webhookSecret, update("42", "501")))
        .isEqualTo(Acceptance.DISCONNECTED);
    assertThat(
            f.accepting
                .admitLineEvent(
                    connection.id(),
                    connection.hookCredentials().login(),
                    connection.hookCredentials().password().reveal())
                .accept(new RawEvent("m-1", "user-1", "{}")))
        .isEqualTo(Acceptance.DISCONNECTED);
    assertThat(f.inbox.rows()).isEmpty();
  }

  @Test
  void aLineEventWithTheConnectionsHookCredentialsIsStored() {
    Acceptance acceptance =
        f.accepting
            .admitLineEvent(
                connection.id(),
                connection.hookCredentials().login(),
                connection.hookCredentials().password().reveal())
            .accept(new RawEvent("m-1", "user-1", "{\"id\":\"m-1\"}"));

    assertThat(acceptance).isEqualTo(Acceptance.STORED);
    assertThat(f.inbox.pending())
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.kind()).isEqualTo(InboundKind.LINE_EVENT);
              assertThat(record.connection()).contains(connection.id());
              assertThat(record.eventId()).isEqualTo("platform:m-1");
              assertThat(record.orderingKey()).isEqualTo(connection.id() + "/user-1");
            });
  }

  @Test
  void aLineEventWithWrongBackAuthIsRefused() {
    String login = connection.hookCredentials().login();
    String password = connection.hookCredentials().password().reveal();

    assertThat(
            f.accepting
                .admitLineEvent(connection.id(), login, password + "x")
                .accept(new RawEvent("m-1", "u", "{}")))
        .isEqualTo(Acceptance.UNAUTHORIZED);
    assertThat(
            f.accepting
                .admitLineEvent(connection.id(), "someone", password)
                .accept(new RawEvent("m-2", "u", "{}")))
        .isEqualTo(Acceptance.UNAUTHORIZED);
    assertThat(
            f.accepting
                .admitLineEvent(connection.id(), null, null)
                .accept(new RawEvent("m-3", "u", "{}")))
        .isEqualTo(Acceptance.UNAUTHORIZED);
    assertThat(f.inbox.rows()).isEmpty();
  }

  @Test
  void theManagementHookCredentialsDoNotOpenALineHook() {
    assertThat(
            f.accepting
                .admitLineEvent(
                    connection.id(),
                    CoreFixture.MANAGEMENT_HOOK.login(),
                    CoreFixture.MANAGEMENT_HOOK.password().reveal())
                .accept(new RawEvent("m-1", "u", "{}")))
        .isEqualTo(Acceptance.UNAUTHORIZED);
  }

  @Test
  void aManagementEventWithTheManagementHookCredentialsIsStoredOnce() {
    RawEvent event = new RawEvent("m-7", f.specialist.id().value(), "{\"text\":\"Привет\"}");

    assertThat(
            f.accepting
                .admitManagementEvent(
                    CoreFixture.MANAGEMENT_HOOK.login(),
                    CoreFixture.MANAGEMENT_HOOK.password().reveal())
                .accept(event))
        .isEqualTo(Acceptance.STORED);
    assertThat(
            f.accepting
                .admitManagementEvent(
                    CoreFixture.MANAGEMENT_HOOK.login(),
                    CoreFixture.MANAGEMENT_HOOK.password().reveal())
                .accept(event))
        .isEqualTo(Acceptance.DUPLICATE);

    assertThat(f.inbox.pending())
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.kind()).isEqualTo(InboundKind.MANAGEMENT_EVENT);
              assertThat(record.connection()).isEmpty();
              assertThat(record.orderingKey()).contains(f.specialist.id().value());
            });
  }

  @Test
  void aManagementEventWithWrongCredentialsIsRefused() {
    Acceptance acceptance =
        f.accepting
            .admitManagementEvent(CoreFixture.MANAGEMENT_HOOK.login(), "guess")
            .accept(new RawEvent("m-7", f.specialist.id().value(), "{}"));

    assertThat(acceptance).isEqualTo(Acceptance.UNAUTHORIZED);
    assertThat(f.inbox.rows()).isEmpty();
  }

  @Test
  void theCallerIsCheckedWithOneLookupBeforeItsEventIsRead() {
    AtomicInteger lookups = new AtomicInteger();
    AcceptingInbound counted =
        new AcceptingInbound(
            counting(f.connections, lookups), f.inbox, CoreFixture.MANAGEMENT_HOOK, f.clock);

    assertThat(counted.admitWebhookUpdate(connection.id(), "wrong"))
        .isEqualTo(new Admission.Answered(Acceptance.UNAUTHORIZED));
    assertThat(counted.admitWebhookUpdate(new ConnectionId("nope"), webhookSecret))
        .isEqualTo(new Admission.Answered(Acceptance.UNKNOWN_CONNECTION));
    assertThat(counted.admitManagementEvent("management", "guess"))
        .isEqualTo(new Admission.Answered(Acceptance.UNAUTHORIZED));
    lookups.set(0);
    Admission admitted = counted.admitWebhookUpdate(connection.id(), webhookSecret);

    assertThat(admitted).isInstanceOf(Admission.Admitted.class);
    assertThat(admitted.accept(update("42", "501"))).isEqualTo(Acceptance.STORED);
    assertThat(lookups).as("connection lookups for one call").hasValue(1);
  }

  @Test
  void aDisconnectedConnectionIsAnsweredWithoutItsEvent() {
    f.connections.update(connection.disconnected(f.clock.instant()));

    assertThat(f.accepting.admitWebhookUpdate(connection.id(), webhookSecret))
        .isEqualTo(new Admission.Answered(Acceptance.DISCONNECTED));
  }

  @Test
  void idsLongerThanTheStoreHoldsAreInvalidAndNothingIsStored() {
    String login = connection.hookCredentials().login();
    String password = connection.hookCredentials().password().reveal();

    assertThat(
            f.accepting
                .admitLineEvent(connection.id(), login, password)
                .accept(new RawEvent("m".repeat(100_000), "user-1", "{}")))
        .isEqualTo(Acceptance.INVALID);
    assertThat(
            f.accepting
                .admitLineEvent(connection.id(), login, password)
                .accept(new RawEvent("m-1", "u".repeat(200), "{}")))
        .isEqualTo(Acceptance.INVALID);
    assertThat(webhook(connection, webhookSecret, update("1" + "0".repeat(300), "501")))
        .isEqualTo(Acceptance.INVALID);
    assertThat(
            f.accepting
                .admitManagementEvent(
                    CoreFixture.MANAGEMENT_HOOK.login(),
                    CoreFixture.MANAGEMENT_HOOK.password().reveal())
                .accept(new RawEvent("m".repeat(200), f.specialist.id().value(), "{}")))
        .isEqualTo(Acceptance.INVALID);
    assertThat(f.accepting.admitWebhookUpdate(new ConnectionId("c".repeat(65)), webhookSecret))
        .isEqualTo(new Admission.Answered(Acceptance.INVALID));
    assertThat(f.inbox.rows()).isEmpty();

    assertThat(
            f.accepting
                .admitLineEvent(connection.id(), login, password)
                .accept(new RawEvent("m".repeat(191 - "platform:".length()), "user-1", "{}")))
        .as("the longest id the store holds")
        .isEqualTo(Acceptance.STORED);
  }

  /** The repository, counting its {@code find} calls. */
  private static ConnectionRepository counting(ConnectionRepository real, AtomicInteger finds) {
    return (ConnectionRepository)
        Proxy.newProxyInstance(
            ConnectionRepository.class.getClassLoader(),
            new Class<?>[] {ConnectionRepository.class},
            (proxy, method, args) -> {
              if (method.getName().equals("find")) {
                finds.incrementAndGet();
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException failed) {
                throw failed.getCause();
              }
            });
  }
}
