package io.omnichannel.sandbox;

import io.omnichannel.sandbox.scenario.Emulators;
import io.omnichannel.testkit.oneconnect.Company;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.LineAvailability;
import io.omnichannel.testkit.oneconnect.OneConnectWorld;
import io.omnichannel.testkit.oneconnect.Specialist;
import io.omnichannel.testkit.telegram.BotInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo world beside the vendor's management line: a client company «Ромашка» with seven lines a
 * bot can join and one it cannot (for specialists only), a specialist, the API account the bot will
 * use, and the bot at BotFather.
 */
final class DemoCompany {
  static final String API_LOGIN = "romashka-telegram";
  static final String API_PASSWORD = "demo-Pa55";
  static final String SUPPORT = "Поддержка";

  /** Sorted by name the first five fill page 1, so «Поддержка» is on page 2. */
  static final List<String> ELIGIBLE_LINES =
      List.of("Бухгалтерия", "Возвраты", "Доставка", "Кадры", "Маркетинг", SUPPORT, "Продажи");

  static final String SPECIALISTS_ONLY_LINE = "Внутренняя (только специалисты)";
  static final String BOT_NAME = "Ромашка Поддержка";
  static final String BOT_USERNAME = "romashka_support_bot";

  final Company company;
  final List<Line> lines = new ArrayList<>();
  final Line internal;
  final Line support;
  final Specialist specialist;
  final BotInfo bot;

  DemoCompany(Emulators emulators) {
    OneConnectWorld world = emulators.oneConnect.world();
    company = world.addCompany("Ромашка", true);
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
    world.addApiAccount(API_LOGIN, API_PASSWORD, company.id(), Map.of(support.id(), true));
    bot = emulators.telegram.createBot(BOT_NAME, BOT_USERNAME);
  }

  String specialistName() {
    return specialist.name() + " " + specialist.surname();
  }
}
