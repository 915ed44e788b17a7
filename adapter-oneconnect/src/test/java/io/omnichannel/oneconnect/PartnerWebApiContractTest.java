package io.omnichannel.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.LineAccess;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.TechnicalClient;
import io.omnichannel.core.domain.TechnicalClientId;
import io.omnichannel.core.domain.failure.ApiAccountRejected;
import io.omnichannel.core.domain.failure.PlatformRejected;
import io.omnichannel.testkit.oneconnect.ClientCompany;
import io.omnichannel.testkit.oneconnect.LineSubscription;
import io.omnichannel.testkit.oneconnect.RecordedRequest;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PartnerWebAPI2 over SOAP 1.1 (the default) against the emulator: every operation round-trips,
 * refusals are typed. {@link PartnerWebApiContractSoap12Test} runs the same over SOAP 1.2.
 */
class PartnerWebApiContractTest extends SharedEmulator {
  private SoapClient client;
  private PartnerWebApi soap;
  private ApiAccount account;

  @BeforeEach
  void client() {
    client =
        new SoapClient(
            HttpClient.newHttpClient(), world.config().soapUrl(), Duration.ofSeconds(5), version());
    soap = new PartnerWebApi(client);
    account = world.account();
  }

  OneConnectConfig.SoapVersion version() {
    return OneConnectConfig.SoapVersion.SOAP_1_1;
  }

  @Test
  void clientAddThenClientReadFindsIt() {
    String id = soap.clientAdd(account, "Telegram: <Тест & бот>");

    assertThat(soap.clientRead(account))
        .contains(new PartnerWebApi.Client(id, "Telegram: <Тест & бот>", false));
    assertThat(emulator.world().clients())
        .extracting(ClientCompany::id, ClientCompany::companyId)
        .contains(org.assertj.core.groups.Tuple.tuple(id, world.company.id()));
  }

  @Test
  void userServiceLineAddGrantsTheLineToAUserAddedUnderOurId() {
    String userId = soap.clientUserAdd(account, world.client.id(), "user-olga", "Olga");

    soap.userServiceLineAdd(account, userId, world.support.id(), true);

    assertThat(emulator.world().subscriptions(userId))
        .extracting(LineSubscription::lineId, LineSubscription::active)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(world.support.id(), true));
    assertThat(soap.userServiceLineRead(account, userId, world.support.id()))
        .containsExactly(new PartnerWebApi.UserLine(userId, world.support.id(), true));
    assertThat(userId).isEqualTo("user-olga");
  }

  @Test
  void everyCallIsAPostInItsVersionNamingTheOperationsAction() {
    emulator.inspection().clear();

    soap.clientRead(account);

    RecordedRequest request = emulator.inspection().requests().get(0);
    String action = "http://buhphone.com/PartnerWebAPI2#PartnerWebAPI2:ClientRead";
    assertThat(request.path()).isEqualTo("/cus/ws/PartnerWebAPI2");
    if (version() == OneConnectConfig.SoapVersion.SOAP_1_1) {
      assertThat(request.contentType()).isEqualTo("text/xml; charset=\"utf-8\"");
      assertThat(request.headers().entrySet())
          .filteredOn(h -> h.getKey().equalsIgnoreCase("SOAPAction"))
          .singleElement()
          .satisfies(h -> assertThat(h.getValue()).containsExactly("\"" + action + "\""));
      assertThat(request.body())
          .contains("http://schemas.xmlsoap.org/soap/envelope/", "<par:ClientRead>");
    } else {
      assertThat(request.contentType())
          .startsWith("application/soap+xml")
          .contains("action=\"" + action + "\"");
      assertThat(request.body())
          .contains("http://www.w3.org/2003/05/soap-envelope", "<par:ClientRead>");
    }
    assertThat(request.authLogin()).isEqualTo(world.login);
  }

  @Test
  void aResultCodeOtherThanSuccessIsRejectedNamingOperationAndCode() {
    assertThatThrownBy(() -> soap.clientUserAdd(account, "no-such-client", "user-anna", "Anna"))
        .isInstanceOfSatisfying(
            PlatformRejected.class,
            e -> {
              assertThat(e.operation()).isEqualTo("ClientUserAdd");
              assertThat(e.code()).isEqualTo("NOT_FOUND");
            });
    String userId = soap.clientUserAdd(account, world.client.id(), "user-twice", "Twice");
    soap.userServiceLineAdd(account, userId, world.support.id(), true);
    assertThatThrownBy(() -> soap.userServiceLineAdd(account, userId, world.support.id(), true))
        .isInstanceOfSatisfying(
            PlatformRejected.class,
            e -> {
              assertThat(e.operation()).isEqualTo("UserServiceLineAdd");
              assertThat(e.code()).isEqualTo("DUPLICATE");
            });
  }

  @Test
  void aSoapFaultIsATypedFailureNamingTheOperation() {
    assertThatThrownBy(() -> client.call(account, "ServiceLineKindRead", Map.of()))
        .isInstanceOfSatisfying(
            SoapFaultFailure.class,
            e -> {
              assertThat(e.operation()).isEqualTo("ServiceLineKindRead");
              assertThat(e.faultCode()).isEqualTo("Sender");
              assertThat(e.retryable()).isFalse();
              assertThat(e).hasMessageStartingWith("ServiceLineKindRead: SOAP fault Sender");
            });
  }

  @Test
  void aWrongPasswordIsApiAccountRejectedWithoutThePassword() {
    ApiAccount wrong = new ApiAccount(world.login, Secret.of("S0ap-Wrong-Pw"));

    assertThatThrownBy(() -> soap.clientRead(wrong))
        .isInstanceOf(ApiAccountRejected.class)
        .satisfies(e -> assertThat(Secrets.everythingPrintable(e)).doesNotContain("S0ap-Wrong-Pw"));
  }

  @Test
  void theTechnicalClientIsCreatedOnceEvenWhenRegisteredTwice() {
    OneConnectPlatform platform = world.platform();

    TechnicalClient first =
        platform.registerTechnicalClient(
            account, world.companyId(), "Telegram: Acme Bot", Optional.empty());
    TechnicalClient second =
        platform.registerTechnicalClient(
            account, world.companyId(), "Telegram: Acme Bot", Optional.empty());

    assertThat(second).isEqualTo(first);
    assertThat(first.name()).isEqualTo("Telegram: Acme Bot");
    assertThat(emulator.world().clients())
        .filteredOn(c -> c.name().equals("Telegram: Acme Bot"))
        .singleElement()
        .satisfies(c -> assertThat(c.id()).isEqualTo(first.id().value()));
  }

  @Test
  void aChannelUserIsCreatedInTheTechnicalClientWithTheLine() {
    LineAccess connection = world.connection();

    PlatformUserId user =
        world
            .platform()
            .registerChannelUser(
                connection, new AccountId("acc-maria"), "Мария Котова", Optional.of("mkotova"));

    assertThat(emulator.world().clientUser(user.value()))
        .hasValueSatisfying(
            u -> {
              assertThat(u.clientId()).isEqualTo(world.client.id());
              assertThat(u.name()).isEqualTo("Мария Котова");
            });
    assertThat(emulator.world().subscriptions(user.value()))
        .extracting(LineSubscription::lineId, LineSubscription::active)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(world.support.id(), true));
    assertThat(world.platform().isBanned(connection, user)).isFalse();
  }

  @Test
  void registeringTheSameChannelAccountAgainFindsTheUserMadeTheFirstTime() {
    LineAccess connection = world.connection();
    AccountId account = new AccountId("acc-retried");

    PlatformUserId first =
        world.platform().registerChannelUser(connection, account, "Пётр", Optional.empty());
    PlatformUserId retried =
        world.platform().registerChannelUser(connection, account, "Пётр", Optional.empty());

    assertThat(retried).isEqualTo(first);
    assertThat(emulator.world().clientUsers()).filteredOn(u -> u.name().equals("Пётр")).hasSize(1);
    assertThat(world.platform().isBanned(connection, first)).isFalse();
  }

  @Test
  void aLineSwitchedOffInTheAdminCabinetReadsBackAsBanned() {
    LineAccess connection = world.connection();
    PlatformUserId user = new PlatformUserId(world.user.id());
    assertThat(world.platform().isBanned(connection, user)).isFalse();

    emulator.world().ban(world.user.id(), world.support.id());

    assertThat(world.platform().isBanned(connection, user)).isTrue();

    emulator.world().unban(world.user.id(), world.support.id());

    assertThat(world.platform().isBanned(connection, user)).isFalse();
  }

  /** The same bot connected again, to the company's other line. */
  private LineAccess onInternalLine() {
    LineAccess base = world.connection();
    return new LineAccess(
        base.connection(),
        base.company(),
        new LineId(world.internal.id()),
        base.technicalClient(),
        base.apiAccount(),
        base.hookCredentials());
  }

  private boolean activeOn(String userId, String lineId) {
    return emulator.world().subscriptions(userId).stream()
        .filter(s -> s.lineId().equals(lineId))
        .findFirst()
        .orElseThrow()
        .active();
  }

  @Test
  void aCarriedLineIsOnForAUserWhoseOldLineIsOn() {
    LineAccess internal = onInternalLine();
    PlatformUserId user = new PlatformUserId(world.user.id());

    world.platform().carryLine(internal, user, new LineId(world.support.id()));

    assertThat(activeOn(world.user.id(), world.internal.id())).isTrue();
    assertThat(world.platform().isBanned(internal, user)).isFalse();
  }

  @Test
  void aCarriedLineIsOffForAUserBannedOnTheOldLine() {
    LineAccess internal = onInternalLine();
    PlatformUserId user = new PlatformUserId(world.user.id());
    emulator.world().ban(world.user.id(), world.support.id());

    world.platform().carryLine(internal, user, new LineId(world.support.id()));
    world.platform().carryLine(internal, user, new LineId(world.support.id()));

    assertThat(world.platform().isBanned(internal, user)).isTrue();
    assertThat(emulator.world().subscriptions(world.user.id()))
        .filteredOn(s -> s.lineId().equals(world.internal.id()))
        .hasSize(1);
  }

  @Test
  void aLineTheUserHasAlreadyIsLeftAsItIs() {
    LineAccess internal = onInternalLine();
    PlatformUserId user = new PlatformUserId(world.user.id());
    emulator.world().enableLine(world.user.id(), world.internal.id());
    emulator.world().ban(world.user.id(), world.internal.id());

    world.platform().carryLine(internal, user, new LineId(world.support.id()));

    assertThat(world.platform().isBanned(internal, user)).as("a ban there stays").isTrue();
  }

  @Test
  void theBotsEarlierTechnicalClientIsFoundEvenUnderAnotherName() {
    TechnicalClient renamed =
        world
            .platform()
            .registerTechnicalClient(
                account,
                world.companyId(),
                "Telegram: Renamed Bot",
                Optional.of(new TechnicalClientId(world.client.id())));

    assertThat(renamed.id().value()).isEqualTo(world.client.id());
    assertThat(emulator.world().clients()).noneMatch(c -> c.name().equals("Telegram: Renamed Bot"));
  }

  @Test
  void aUserWithoutTheLineAtAllCountsAsBanned() {
    String userId = soap.clientUserAdd(account, world.client.id(), "user-no-line", "No line");

    assertThat(world.platform().isBanned(world.connection(), new PlatformUserId(userId))).isTrue();
  }
}
