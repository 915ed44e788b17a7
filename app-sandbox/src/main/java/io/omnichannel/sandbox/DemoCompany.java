package io.omnichannel.sandbox;

import io.omnichannel.testkit.oneconnect.Company;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.LineAvailability;
import io.omnichannel.testkit.oneconnect.OneConnectWorld;
import io.omnichannel.testkit.oneconnect.Specialist;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.TelegramEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo world: the vendor company with the channel-management line and the gateway's own API
 * account (with partner access), a client company «Ромашка» with seven lines a bot can join and one
 * it cannot (for specialists only), a specialist, the API account the bot will use, and the bot at
 * BotFather.
 */
final class DemoCompany {
  static final String MANAGEMENT_LINE = "1С-Коннект: Управление каналами";
  static final String GATEWAY_LOGIN = "gateway";
  static final String API_LOGIN = "romashka-telegram";
  static final String API_PASSWORD = "demo-Pa55";
  static final String SUPPORT = "Поддержка";

  /** Sorted by name the first five fill page 1, so «Поддержка» is on page 2. */
  static final List<String> ELIGIBLE_LINES =
      List.of("Бухгалтерия", "Возвраты", "Доставка", "Кадры", "Маркетинг", SUPPORT, "Продажи");

  static final String SPECIALISTS_ONLY_LINE = "Внутренняя (только специалисты)";
  static final String BOT_NAME = "Ромашка Поддержка";
  static final String BOT_USERNAME = "romashka_support_bot";

  final Company vendor;
  final Company company;
  final Line management;
  final List<Line> lines = new ArrayList<>();
  final Line internal;
  final Line support;
  final Specialist specialist;
  final BotInfo bot;

  DemoCompany(OneConnectWorld world, TelegramEmulator telegram, String gatewayPassword) {
    vendor = world.addCompany("1С-Коннект", true);
    company = world.addCompany("Ромашка", true);
    management = world.addManagementLine(vendor.id(), MANAGEMENT_LINE);
    Line found = null;
    for (String name : ELIGIBLE_LINES) {
      Line line = world.addLine(company.id(), name, LineAvailability.CLIENTS_AND_SPECIALISTS);
      lines.add(line);
      if (name.equals(SUPPORT)) {
        found = line;
      }
    }
    support = found;
    internal =
        world.addLine(company.id(), SPECIALISTS_ONLY_LINE, LineAvailability.SPECIALISTS_ONLY);
    specialist = world.addSpecialist(company.id(), "Анна", "Иванова");
    world.addApiAccount(GATEWAY_LOGIN, gatewayPassword, vendor.id(), Map.of(management.id(), true));
    world.grantPartnerAccess(GATEWAY_LOGIN);
    world.addApiAccount(API_LOGIN, API_PASSWORD, company.id(), Map.of(support.id(), true));
    bot = telegram.createBot(BOT_NAME, BOT_USERNAME);
  }

  String specialistName() {
    return specialist.name() + " " + specialist.surname();
  }
}
