package io.omnichannel.oneconnect;

import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.BotId;
import io.omnichannel.core.domain.BotProfile;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.ConnectionState;
import io.omnichannel.core.domain.HookCredentials;
import io.omnichannel.core.domain.LineAccess;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.TechnicalClient;
import io.omnichannel.core.domain.TechnicalClientId;
import io.omnichannel.core.port.in.Admission;
import io.omnichannel.core.port.in.InboundGateway;
import io.omnichannel.testkit.oneconnect.ClientCompany;
import io.omnichannel.testkit.oneconnect.ClientUser;
import io.omnichannel.testkit.oneconnect.Company;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.LineAvailability;
import io.omnichannel.testkit.oneconnect.OneConnectEmulator;
import io.omnichannel.testkit.oneconnect.OneConnectWorld;
import io.omnichannel.testkit.oneconnect.Specialist;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A fresh world in a (possibly shared) emulator, with unique logins: company Acme (option on) with
 * a support line (bot allowed), an internal line (listed, bot not allowed) and a line the account
 * cannot see; a specialist; the account {@code login/password}; a technical client with one user on
 * the support line; another company with its own account; the platform company with the management
 * line and the service account, which has partner-level access.
 */
final class TestWorld {
  static final String PASSWORD = "s3cr3t-Pa55word!";
  static final String SERVICE_PASSWORD = "service-Pa55word!";
  static final URI PUBLIC_BASE = URI.create("https://gateway.example");

  final OneConnectEmulator emulator;
  final Company company;
  final Line support;
  final Line internal;
  final Line hidden;
  final Specialist specialist;
  final String login;
  final ClientCompany client;
  final ClientUser user;
  final Company otherCompany;
  final Line otherLine;
  final String otherLogin;
  final Line management;
  final String serviceLogin;

  TestWorld(OneConnectEmulator emulator) {
    this.emulator = emulator;
    OneConnectWorld world = emulator.world();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    company = world.addCompany("Acme " + suffix, true);
    support = world.addLine(company.id(), "Support", LineAvailability.CLIENTS_AND_SPECIALISTS);
    internal = world.addLine(company.id(), "Internal", LineAvailability.SPECIALISTS_ONLY);
    hidden = world.addLine(company.id(), "Hidden", LineAvailability.CLIENTS_ONLY);
    specialist = world.addSpecialist(company.id(), "Ivan", "Petrov");
    login = "bot-" + suffix;
    world.addApiAccount(
        login, PASSWORD, company.id(), Map.of(support.id(), true, internal.id(), false));
    client = world.addClient(company.id(), "Telegram: existing " + suffix);
    user = world.addClientUser(client.id(), "Anna", "Smirnova");
    world.enableLine(user.id(), support.id());
    otherCompany = world.addCompany("Other " + suffix, true);
    otherLine =
        world.addLine(otherCompany.id(), "Other support", LineAvailability.CLIENTS_AND_SPECIALISTS);
    otherLogin = "other-" + suffix;
    world.addApiAccount(otherLogin, PASSWORD, otherCompany.id(), Map.of(otherLine.id(), true));
    Company platform = world.addCompany("1C-Connect " + suffix, true);
    management = world.addManagementLine(platform.id(), "1С-Коннект: Управление каналами");
    serviceLogin = "gateway-" + suffix;
    world.addApiAccount(
        serviceLogin, SERVICE_PASSWORD, platform.id(), Map.of(management.id(), true));
    world.grantPartnerAccess(serviceLogin);
  }

  OneConnectConfig config() {
    return OneConnectConfig.of(
            serviceLogin, Secret.of(SERVICE_PASSWORD), new LineId(management.id()), PUBLIC_BASE)
        .withEndpoints(URI.create(emulator.baseUrl()), URI.create(emulator.soapUrl()))
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
  }

  OneConnect adapter(InboundGateway gateway) {
    return OneConnect.create(config(), gateway);
  }

  OneConnect adapter() {
    return adapter(new RefusingGateway());
  }

  OneConnectPlatform platform() {
    return (OneConnectPlatform) adapter().lineRelay();
  }

  ApiAccount account() {
    return new ApiAccount(login, Secret.of(PASSWORD));
  }

  CompanyId companyId() {
    return new CompanyId(company.id());
  }

  /** A connection of a bot to the support line, in the existing technical client. */
  LineAccess connection() {
    return connection(
        new ConnectionId("conn-" + UUID.randomUUID()),
        new HookCredentials(
            "hook-" + UUID.randomUUID().toString().substring(0, 8), Secret.of("hook-Pa55word!")));
  }

  /** A connection acting with the given API account (e.g. one whose password is wrong). */
  LineAccess connection(ApiAccount account) {
    LineAccess base = connection();
    return new LineAccess(
        base.connection(),
        base.company(),
        base.line(),
        base.technicalClient(),
        account,
        base.hookCredentials());
  }

  LineAccess connection(ConnectionId id, HookCredentials hook) {
    return stored(id, hook).lineAccess();
  }

  /** The whole connection as the core stores it, for the hook handler's repository. */
  Connection stored() {
    return stored(
        new ConnectionId("conn-" + UUID.randomUUID()),
        new HookCredentials(
            "hook-" + UUID.randomUUID().toString().substring(0, 8), Secret.of("hook-Pa55word!")));
  }

  Connection stored(ConnectionId id, HookCredentials hook) {
    io.omnichannel.core.domain.Line line =
        new io.omnichannel.core.domain.Line(
            new LineId(support.id()),
            companyId(),
            support.name(),
            io.omnichannel.core.domain.LineAvailability.CLIENTS_AND_SPECIALISTS);
    return new Connection(
        id,
        companyId(),
        new ChannelKind("Telegram"),
        line,
        new BotProfile(new BotId("123456"), "acme_bot", "Acme Bot"),
        BotToken.of("123456:" + "A".repeat(35)),
        new TechnicalClient(new TechnicalClientId(client.id()), client.name()),
        account(),
        "webhook-secret-hash",
        hook,
        ConnectionState.ACTIVE,
        Instant.parse("2026-11-29T10:00:00Z"),
        Optional.empty());
  }

  /** A gateway that stores nothing: for tests that never receive a hook call. */
  static class RefusingGateway implements InboundGateway {
    private static final Admission REFUSED = new Admission.Answered(Acceptance.UNAUTHORIZED);

    @Override
    public Admission admitWebhookUpdate(ConnectionId connection, String presentedSecret) {
      return REFUSED;
    }

    @Override
    public Acceptance acceptPolledUpdate(
        ConnectionId connection, io.omnichannel.core.port.in.RawEvent update) {
      return Acceptance.UNAUTHORIZED;
    }

    @Override
    public Admission admitLineEvent(ConnectionId connection, String login, String password) {
      return REFUSED;
    }

    @Override
    public Admission admitManagementEvent(String login, String password) {
      return REFUSED;
    }
  }
}
