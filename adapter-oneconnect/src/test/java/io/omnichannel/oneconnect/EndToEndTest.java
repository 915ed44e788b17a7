package io.omnichannel.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.HookCredentials;
import io.omnichannel.core.domain.InboundKind;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.LineAccess;
import io.omnichannel.core.domain.LineEvent;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.domain.LinkButton;
import io.omnichannel.core.domain.Menu;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.RemoteFile;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.fakes.InMemoryConnections;
import io.omnichannel.core.fakes.InMemoryInbox;
import io.omnichannel.core.fakes.ManualClock;
import io.omnichannel.core.usecase.AcceptingInbound;
import io.omnichannel.testkit.oneconnect.Button;
import io.omnichannel.testkit.oneconnect.DeliveryAttempt;
import io.omnichannel.testkit.oneconnect.HookEvent;
import io.omnichannel.testkit.oneconnect.OneConnectEmulator;
import io.omnichannel.testkit.oneconnect.OneConnectEmulatorConfig;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole inbound path: the emulator posts an event to a loopback server that mounts our hook
 * handler, the real core stores it in the inbox, and our decoder reads it back as the expected
 * {@link LineEvent}.
 */
class EndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final HookCredentials MANAGEMENT =
      new HookCredentials("management", Secret.of("mgmt-Pa55"));

  private OneConnectEmulator emulator;
  private TestWorld world;
  private HookServer server;
  private final InMemoryConnections connections = new InMemoryConnections();
  private final InMemoryInbox inbox = new InMemoryInbox();
  private OneConnect adapter;
  private Connection connection;

  @BeforeEach
  void start() throws Exception {
    emulator =
        OneConnectEmulator.start(
            OneConnectEmulatorConfig.builder()
                .hookInitialBackoff(Duration.ofMillis(20))
                .hookMaxAttempts(2)
                .build());
    world = new TestWorld(emulator);
    AcceptingInbound accepting =
        new AcceptingInbound(
            connections, inbox, MANAGEMENT, ManualClock.startingAt("2026-11-29T10:00:00Z"));
    OneConnect.HookHandler[] handler = new OneConnect.HookHandler[1];
    server = HookServer.start((hook, auth, body) -> handler[0].handle(hook, auth, body));
    OneConnectConfig config = world.config();
    adapter =
        OneConnect.create(
            new OneConnectConfig(
                config.restBase(),
                config.soapUrl(),
                config.serviceLogin(),
                config.servicePassword(),
                config.managementLine(),
                server.baseUrl(),
                config.connectTimeout(),
                config.readTimeout(),
                config.soapVersion()),
            accepting);
    handler[0] = adapter.hookHandler();
    connection = world.stored();
    connections.insert(connection);
    adapter.lineSetup().subscribe(connection.lineAccess());
  }

  @AfterEach
  void stop() {
    server.close();
    emulator.close();
  }

  @Test
  void aSpecialistsMessageWithAMenuReachesTheInboxAndDecodes() {
    HookEvent sent =
        emulator
            .scenario()
            .specialistSendsMenu(
                world.support.id(),
                world.user.id(),
                world.specialist.id(),
                "Выберите",
                List.of(List.of(Button.of("Да"), Button.of("Нет"))));

    LineEvent event = deliveredAndDecoded(sent);

    assertThat(event)
        .isEqualTo(
            new LineEvent.SpecialistMessage(
                new LineId(world.support.id()),
                new PlatformUserId(world.user.id()),
                new PlatformUserId(world.specialist.id()),
                new MessageContent.Text("Выберите"),
                new Keyboard.ShowMenu(
                    new Menu(
                        List.of(
                            List.of(
                                new io.omnichannel.core.domain.MenuButton("Да"),
                                new io.omnichannel.core.domain.MenuButton("Нет")))))));
  }

  @Test
  void everyKindTheEmulatorPostsDecodes() throws Exception {
    String line = world.support.id();
    String user = world.user.id();
    String spec = world.specialist.id();

    assertThat(deliveredAndDecoded(emulator.scenario().specialistWrites(line, user, spec, "Текст")))
        .isInstanceOf(LineEvent.SpecialistMessage.class);
    assertThat(
            deliveredAndDecoded(
                emulator
                    .scenario()
                    .specialistBroadcasts(
                        line,
                        user,
                        spec,
                        "Акция",
                        new io.omnichannel.testkit.oneconnect.LinkButton(
                            "Подробнее", "https://example.com/a"))))
        .isInstanceOfSatisfying(
            LineEvent.SpecialistMessage.class,
            m ->
                assertThat(m.keyboard())
                    .isEqualTo(
                        new Keyboard.Link(
                            new LinkButton("Подробнее", URI.create("https://example.com/a")))));
    assertThat(deliveredAndDecoded(emulator.scenario().specialistDropsKeyboard(line, user, spec)))
        .isInstanceOf(LineEvent.KeyboardDropped.class);
    // the user's own text only echoes what the gateway delivered: acknowledged, not stored
    HookEvent usersOwn = emulator.scenario().userWrites(line, user, "Мой вопрос");
    assertThat(
            emulator
                .inspection()
                .awaitDelivery(d -> d.messageId().equals(usersOwn.messageId()), WAIT)
                .status())
        .isEqualTo(200);
    assertThat(storedIds()).doesNotContain("platform:" + usersOwn.messageId());
    assertThat(adapter.echoesUnstored()).isPositive(); // once per hook the emulator posted it to
    assertThat(
            deliveredAndDecoded(emulator.scenario().specialistHandsToBot(line, user, spec, "menu")))
        .isEqualTo(
            new LineEvent.Ignored(new LineId(line), new PlatformUserId(user), "handed-to-bot"));
    assertThat(deliveredAndDecoded(emulator.scenario().emit(line, user, 82, spec, "", Map.of())))
        .isEqualTo(
            new LineEvent.Ignored(new LineId(line), new PlatformUserId(user), "treatment-closed"));
    assertThat(deliveredAndDecoded(emulator.scenario().emit(line, user, 4242, spec, "", Map.of())))
        .isEqualTo(
            new LineEvent.Ignored(new LineId(line), new PlatformUserId(user), "unknown:4242"));
    assertThat(adapter.ignoredEventTypes()).containsEntry("message_type:4242", 1L);

    byte[] bytes = "specialist's scan".getBytes(StandardCharsets.UTF_8);
    LineEvent file =
        deliveredAndDecoded(
            emulator
                .scenario()
                .specialistSendsFile(
                    line, user, spec, "scan.pdf", "application/pdf", bytes, "Скан"));
    MessageContent.Document document =
        (MessageContent.Document) ((LineEvent.SpecialistMessage) file).content();
    assertThat(document.caption()).hasValue("Скан");
    RemoteFile remote =
        adapter.lineRelay().fetchLineFile(connection.lineAccess(), document.file().ref());
    assertThat(remote.sizeBytes()).isEqualTo(bytes.length);
    try (InputStream in = remote.source().open()) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
  }

  @Test
  void theEchoOfOurOwnDeliveryIsAcknowledgedWithoutARow() throws Exception {
    adapter
        .lineRelay()
        .deliverFromUser(
            connection.lineAccess(),
            new PlatformUserId(world.user.id()),
            new LinePost.Text("из Telegram", "tg:1:500"));
    // The emulator echoes received messages to line hooks; subscribe set one beside the bot hook.
    DeliveryAttempt echo =
        emulator
            .inspection()
            .awaitDelivery(d -> d.outcome() == DeliveryAttempt.Outcome.DELIVERED, WAIT);

    assertThat(echo.status()).isEqualTo(200);
    assertThat(storedIds()).doesNotContain("platform:" + echo.messageId());
    assertThat(adapter.echoesUnstored()).isEqualTo(1);
  }

  @Test
  void aHookCalledWithWrongBackAuthIsRefusedWith401AndNothingIsStored() {
    LineAccess impostor =
        world.connection(
            new ConnectionId("conn-other"),
            new HookCredentials(
                connection.hookCredentials().login(), Secret.of("not-the-hook-password")));
    LineAccess registeredWrongly =
        new LineAccess(
            connection.id(),
            impostor.company(),
            impostor.line(),
            impostor.technicalClient(),
            impostor.apiAccount(),
            impostor.hookCredentials());
    adapter.lineSetup().subscribe(registeredWrongly);

    HookEvent sent =
        emulator
            .scenario()
            .specialistWrites(world.support.id(), world.user.id(), world.specialist.id(), "hello");

    DeliveryAttempt attempt =
        emulator.inspection().awaitDelivery(d -> d.messageId().equals(sent.messageId()), WAIT);
    assertThat(attempt.status()).isEqualTo(401);
    assertThat(inbox.rows()).isEmpty();
  }

  @Test
  void aSpecialistWritingToTheManagementLineReachesTheManagementDialog() {
    adapter.registerManagementHook(MANAGEMENT);

    HookEvent sent =
        emulator.scenario().specialistWritesToManagementLine(world.specialist.id(), "Telegram");

    emulator
        .inspection()
        .awaitDelivery(
            d ->
                d.messageId().equals(sent.messageId())
                    && d.outcome() == DeliveryAttempt.Outcome.DELIVERED,
            WAIT);
    InboundRecord stored = record(sent.messageId());
    assertThat(stored.kind()).isEqualTo(InboundKind.MANAGEMENT_EVENT);
    assertThat(adapter.lineEventDecoder().decode(stored.payload()))
        .isEqualTo(
            new LineEvent.UserMessage(
                new LineId(world.management.id()),
                new PlatformUserId(world.specialist.id()),
                "Telegram"));
  }

  @Test
  void aHookWhoseBackAuthTheServiceIgnoresStaysAuthenticatedByItsPathSecret() {
    String registered =
        emulator.world().hooks().stream()
            .filter(h -> world.support.id().equals(h.lineId()))
            .findFirst()
            .orElseThrow()
            .url();
    assertThat(registered)
        .startsWith(server.baseUrl() + "/hooks/oneconnect/" + connection.id().value() + ".");
    setHookWithoutBackAuth(registered);

    HookEvent sent =
        emulator
            .scenario()
            .specialistWrites(world.support.id(), world.user.id(), world.specialist.id(), "Без");

    assertThat(deliveredAndDecoded(sent)).isInstanceOf(LineEvent.SpecialistMessage.class);

    String bare = server.baseUrl() + "/hooks/oneconnect/" + connection.id().value();
    setHookWithoutBackAuth(bare);
    HookEvent refused =
        emulator
            .scenario()
            .specialistWrites(world.support.id(), world.user.id(), world.specialist.id(), "Нет");
    // the connection's line hook (with its path secret) carries the event too: watch the bare one
    DeliveryAttempt attempt =
        emulator
            .inspection()
            .awaitDelivery(
                d -> d.messageId().equals(refused.messageId()) && d.url().equals(bare), WAIT);
    assertThat(attempt.status()).as("a bare hook URL needs back-auth").isEqualTo(401);
  }

  @Test
  void aSubscriptionEventOnALineHookIsAcknowledgedStoredAndDecoded() {
    new RestClients(java.net.http.HttpClient.newHttpClient(), world.config())
        .push.setHook(
            BasicAuth.header(world.account()),
            new Wire.HookRequest(
                "line",
                server.baseUrl() + "/hooks/oneconnect/" + connection.id().value(),
                world.support.id(),
                new Wire.BackAuth(
                    "basic",
                    connection.hookCredentials().login(),
                    connection.hookCredentials().password().reveal())));

    emulator.world().ban(world.user.id(), world.support.id());

    HookEvent event =
        emulator.inspection().events().stream()
            .filter(e -> e.eventType().equals(HookEvent.SUBSCRIPTION))
            .reduce((first, second) -> second)
            .orElseThrow();
    DeliveryAttempt attempt =
        emulator.inspection().awaitDelivery(d -> d.messageId().equals(event.messageId()), WAIT);
    assertThat(attempt.status()).isEqualTo(200);
    InboundRecord stored =
        inbox.rows().stream()
            .map(row -> row.item())
            .filter(r -> r.eventId().startsWith("platform:subscription:"))
            .findFirst()
            .orElseThrow();
    assertThat(adapter.lineEventDecoder().decode(stored.payload()))
        .isEqualTo(
            new LineEvent.SubscriptionChanged(
                new LineId(world.support.id()),
                new PlatformUserId(world.user.id()),
                true,
                Optional.empty()));
  }

  private void setHookWithoutBackAuth(String url) {
    new RestClients(java.net.http.HttpClient.newHttpClient(), world.config())
        .push.setHook(
            BasicAuth.header(world.account()),
            new Wire.HookRequest("bot", url, world.support.id(), null));
  }

  private LineEvent deliveredAndDecoded(HookEvent sent) {
    DeliveryAttempt attempt =
        emulator.inspection().awaitDelivery(d -> d.messageId().equals(sent.messageId()), WAIT);
    assertThat(attempt.status()).isEqualTo(200);
    return adapter.lineEventDecoder().decode(record(sent.messageId()).payload());
  }

  private List<String> storedIds() {
    return inbox.rows().stream().map(row -> row.item().eventId()).toList();
  }

  private InboundRecord record(String messageId) {
    return inbox.rows().stream()
        .map(row -> row.item())
        .filter(r -> r.eventId().equals("platform:" + messageId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no inbox row for " + messageId));
  }
}
