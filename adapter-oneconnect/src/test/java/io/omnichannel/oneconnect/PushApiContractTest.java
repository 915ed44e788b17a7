package io.omnichannel.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.LineAccess;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.domain.Menu;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.failure.ApiAccountRejected;
import io.omnichannel.core.domain.failure.PlatformRejected;
import io.omnichannel.core.port.out.DeliveryOutcome;
import io.omnichannel.testkit.oneconnect.BackAuth;
import io.omnichannel.testkit.oneconnect.Button;
import io.omnichannel.testkit.oneconnect.HookRegistration;
import io.omnichannel.testkit.oneconnect.RecordedRequest;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The push API client against the emulator: paths, hooks, management replies, reads and refusals.
 */
class PushApiContractTest extends SharedEmulator {

  @Test
  void everyCallUsesTheSlashedPathSoNoRedirectIsNeeded() {
    OneConnectPlatform platform = world.platform();
    emulator.inspection().clear();
    LineAccess connection = world.connection();

    platform.verifyApiAccount(world.account(), world.companyId(), connection.line());
    platform.subscribe(connection);
    platform.unsubscribe(connection);
    platform.replyOnManagementLine(
        new PlatformUserId(world.specialist.id()), "Меню", Keyboard.REMOVE);
    platform.deliverFromUser(
        connection, new PlatformUserId(world.user.id()), new LinePost.Text("hi", "ext-slash"));
    platform.specialist(new PlatformUserId(world.specialist.id()));
    platform.linesOf(world.companyId());
    platform.externalChannelsEnabled(world.companyId());

    List<String> paths =
        emulator.inspection().requests().stream().map(RecordedRequest::path).toList();
    assertThat(paths)
        .containsExactly(
            "/v1/line/",
            "/v1/partner/company/" + world.company.id() + "/lines/",
            "/v1/hook/",
            "/v1/hook/",
            "/v1/hook/bot/" + world.support.id() + "/",
            "/v1/hook/line/" + world.support.id() + "/",
            "/v1/line/send/message/",
            "/v1/line/drop/keyboard/",
            "/v1/line/receive/message/",
            "/v1/partner/specialist/" + world.specialist.id() + "/",
            "/v1/partner/company/" + world.company.id() + "/lines/",
            "/v1/partner/company/" + world.company.id() + "/options/");
    assertThat(emulator.inspection().requests())
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
  }

  @Test
  void subscribeSetsTheLinesBotHookWithTheConnectionsBackAuthAndUnsubscribeRemovesIt() {
    LineAccess connection = world.connection();

    world.platform().subscribe(connection);

    HookRegistration hook = hookOf(world.support.id());
    assertThat(hook.type()).isEqualTo(HookRegistration.Type.BOT);
    assertThat(hook.accountLogin()).isEqualTo(world.login);
    assertThat(hook.url())
        .startsWith(
            "https://gateway.example/hooks/oneconnect/" + connection.connection().value() + ".")
        .matches(".*\\.[A-Za-z0-9_-]{40,}");
    assertThat(hook.backAuth())
        .isEqualTo(
            BackAuth.basic(
                connection.hookCredentials().login(),
                connection.hookCredentials().password().reveal()));
    RecordedRequest request =
        emulator
            .inspection()
            .awaitRequest(r -> r.path().equals("/v1/hook/"), Duration.ofSeconds(2));
    assertThat(request.contentType()).startsWith("application/json");

    world.platform().unsubscribe(connection);

    assertThat(emulator.world().hooks()).noneMatch(h -> world.support.id().equals(h.lineId()));
  }

  @Test
  void managementHookIsALineHookOfTheManagementLineSetWithTheServiceAccount() {
    OneConnect adapter = world.adapter();

    adapter.registerManagementHook(
        new io.omnichannel.core.domain.HookCredentials("mgmt", Secret.of("mgmt-pw")));

    HookRegistration hook = hookOf(world.management.id());
    assertThat(hook.type()).isEqualTo(HookRegistration.Type.LINE);
    assertThat(hook.accountLogin()).isEqualTo(world.serviceLogin);
    assertThat(hook.url()).startsWith("https://gateway.example/hooks/oneconnect/management.");
    assertThat(adapter.managementHookUrl()).hasToString(hook.url());
    assertThat(hook.backAuth()).isEqualTo(BackAuth.basic("mgmt", "mgmt-pw"));
  }

  @Test
  void managementReplyCarriesTheMenuRowsAndRemoveDropsTheKeyboard() {
    PlatformUserId specialist = new PlatformUserId(world.specialist.id());
    OneConnectPlatform platform = world.platform();

    platform.replyOnManagementLine(
        specialist,
        "Выберите действие",
        new Keyboard.ShowMenu(
            new Menu(
                List.of(
                    List.of(new io.omnichannel.core.domain.MenuButton("Telegram")),
                    List.of(
                        new io.omnichannel.core.domain.MenuButton("◀"),
                        new io.omnichannel.core.domain.MenuButton("▶"))))));
    platform.replyOnManagementLine(specialist, "Готово", Keyboard.REMOVE);
    platform.replyOnManagementLine(specialist, "Просто текст", Keyboard.UNCHANGED);

    List<TranscriptEntry> chat =
        emulator.inspection().transcript(world.management.id(), world.specialist.id());
    assertThat(chat)
        .extracting(TranscriptEntry::kind)
        .containsExactly(
            TranscriptEntry.Kind.TEXT,
            TranscriptEntry.Kind.TEXT,
            TranscriptEntry.Kind.KEYBOARD_DROPPED,
            TranscriptEntry.Kind.TEXT);
    assertThat(chat.get(0).text()).isEqualTo("Выберите действие");
    assertThat(chat.get(0).keyboard())
        .containsExactly(List.of(Button.of("Telegram")), List.of(Button.of("◀"), Button.of("▶")));
    assertThat(chat.get(1).keyboard()).isNull();
    assertThat(chat.get(3).keyboard()).isNull();
    assertThat(chat)
        .allSatisfy(e -> assertThat(e.direction()).isEqualTo(TranscriptEntry.Direction.TO_USER));
  }

  @Test
  void sendingToAUserWithoutTheLineIsNotASubscriber() {
    RestClients rest = new RestClients(java.net.http.HttpClient.newHttpClient(), world.config());

    assertThatThrownBy(
            () ->
                RestClients.run(
                    "send",
                    () ->
                        rest.push.sendMessage(
                            BasicAuth.header(world.account()),
                            new Wire.SendMessage(
                                world.support.id(), world.specialist.id(), null, "hi", null))))
        .isInstanceOfSatisfying(
            PlatformErrors.Refusal.class,
            refused ->
                assertThat(refused.outcome()).isEqualTo(new DeliveryOutcome.NotASubscriber()))
        .hasMessageContaining("User is not a subscriber or never been online");
  }

  @Test
  void wrongPasswordIsApiAccountRejectedAndTheMessageNeverShowsIt() {
    RestClients rest = new RestClients(java.net.http.HttpClient.newHttpClient(), world.config());
    ApiAccount wrong = new ApiAccount(world.login, Secret.of("Wr0ng-Secret-xyz"));

    assertThatThrownBy(
            () -> RestClients.call("lines", () -> rest.push.lines(BasicAuth.header(wrong))))
        .isInstanceOf(ApiAccountRejected.class)
        .satisfies(
            e ->
                assertThat(Secrets.everythingPrintable(e))
                    .doesNotContain("Wr0ng-Secret-xyz", BasicAuth.header(wrong).substring(6)));
  }

  @Test
  void aLineOfAnotherAccountIsRejectedWith403TextAndAnUnknownOneIsNotFound() {
    RestClients rest = new RestClients(java.net.http.HttpClient.newHttpClient(), world.config());
    String auth = BasicAuth.header(world.account());

    assertThatThrownBy(
            () ->
                RestClients.run(
                    "send",
                    () ->
                        rest.push.dropKeyboard(
                            auth, new Wire.Chat(world.otherLine.id(), world.user.id()))))
        .isInstanceOfSatisfying(
            PlatformRejected.class,
            e ->
                assertThat(e.code())
                    .isEqualTo("HTTP 403: Line is not available for this API account"));
    assertThatThrownBy(
            () ->
                RestClients.run(
                    "deleteBotHook", () -> rest.push.deleteBotHook(auth, "no-such-line")))
        .isInstanceOfSatisfying(
            PlatformRejected.class,
            e -> {
              assertThat(PlatformErrors.isNotFound(e)).isTrue();
              assertThat(e.operation()).isEqualTo("deleteBotHook");
            });
  }

  @Test
  void aPartnerCallForANonSpecialistIsEmpty() {
    assertThat(world.platform().specialist(new PlatformUserId(world.user.id()))).isEmpty();
    assertThat(world.platform().specialist(new PlatformUserId(world.specialist.id())))
        .hasValueSatisfying(
            s -> {
              assertThat(s.company().value()).isEqualTo(world.company.id());
              assertThat(s.name()).isEqualTo("Ivan Petrov");
              assertThat(s.companyName()).contains(world.company.name());
            });
  }

  @Test
  void linesOfACompanyCarryTheirAvailabilityAndTheOptionIsRead() {
    List<io.omnichannel.core.domain.Line> lines = world.platform().linesOf(world.companyId());

    assertThat(lines)
        .extracting(l -> l.id().value(), io.omnichannel.core.domain.Line::availability)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                world.support.id(),
                io.omnichannel.core.domain.LineAvailability.CLIENTS_AND_SPECIALISTS),
            org.assertj.core.groups.Tuple.tuple(
                world.internal.id(), io.omnichannel.core.domain.LineAvailability.SPECIALISTS_ONLY),
            org.assertj.core.groups.Tuple.tuple(
                world.hidden.id(), io.omnichannel.core.domain.LineAvailability.OTHER));
    assertThat(lines).allSatisfy(l -> assertThat(l.company()).isEqualTo(world.companyId()));
    assertThat(world.platform().externalChannelsEnabled(world.companyId())).isTrue();

    emulator.world().setExternalChannels(world.company.id(), false);

    assertThat(world.platform().externalChannelsEnabled(world.companyId())).isFalse();
  }

  private static HookRegistration hookOf(String lineId) {
    return emulator.world().hooks().stream()
        .filter(h -> lineId.equals(h.lineId()))
        .findFirst()
        .orElseThrow();
  }
}
