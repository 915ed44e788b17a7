package io.omnichannel.testkit.oneconnect;

import java.util.Map;

/**
 * A standard world: company Acme (option on) with a support line (bot allowed) and an internal line
 * (no bot), a specialist, the account {@code bot/secret}, a client with one user on the support
 * line; a platform company with the management line and the account {@code platform/platform-pw}.
 */
final class World {
  static final String LOGIN = "bot";
  static final String PASSWORD = "secret";
  static final String PLATFORM_LOGIN = "platform";
  static final String PLATFORM_PASSWORD = "platform-pw";

  final Company company;
  final Line support;
  final Line internal;
  final Specialist specialist;
  final ClientCompany client;
  final ClientUser user;
  final Line management;

  World(OneConnectEmulator emulator) {
    OneConnectWorld world = emulator.world();
    company = world.addCompany("Acme", true);
    support = world.addLine(company.id(), "Support", LineAvailability.CLIENTS_AND_SPECIALISTS);
    internal = world.addLine(company.id(), "Internal", LineAvailability.SPECIALISTS_ONLY);
    specialist = world.addSpecialist(company.id(), "Ivan", "Petrov");
    world.addApiAccount(
        LOGIN, PASSWORD, company.id(), Map.of(support.id(), true, internal.id(), false));
    client = world.addClient(company.id(), "Telegram: acme_bot");
    user = world.addClientUser(client.id(), "Anna", "Smirnova");
    world.enableLine(user.id(), support.id());
    Company platform = world.addCompany("1C-Connect", true);
    management = world.addManagementLine(platform.id(), "1С-Коннект: Управление каналами");
    world.addApiAccount(
        PLATFORM_LOGIN, PLATFORM_PASSWORD, platform.id(), Map.of(management.id(), true));
  }
}
