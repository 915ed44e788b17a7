package io.omnichannel.sandbox;

import io.omnichannel.sandbox.scenario.Emulators;
import io.omnichannel.testkit.max.MaxBotInfo;
import io.omnichannel.testkit.max.MaxEmulator;
import io.omnichannel.testkit.oneconnect.Company;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.LineAvailability;
import io.omnichannel.testkit.oneconnect.OneConnectWorld;
import io.omnichannel.testkit.oneconnect.Specialist;
import io.omnichannel.testkit.telegram.BotInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo world beside the vendor's management line: a client company «Ромашка» with seven lines a
 * bot can join and one it cannot (for specialists only), a specialist, the API account the bot will
 * use (allowed on every line), and the bot at BotFather; for the error paths, a colleague with more
 * bots to fill the company's five slots, and a second company «Лютик».
 */
final class DemoCompany {
  static final String API_LOGIN = "romashka-telegram";
  static final String API_PASSWORD = "demo-Pa55";
  static final String SUPPORT = "Поддержка";

  static final String SALES = "Продажи";

  /** The lines the colleague fills with bots until the company has five. */
  static final List<String> FILLED_LINES = List.of("Бухгалтерия", "Возвраты", "Доставка");

  /** Sorted by name the first five fill page 1, so «Поддержка» is on page 2. */
  static final List<String> ELIGIBLE_LINES =
      List.of("Бухгалтерия", "Возвраты", "Доставка", "Кадры", "Маркетинг", SUPPORT, SALES);

  /** A line still free at the end of the story, where the MAX bot goes. */
  static final String MAX_LINE = "Кадры";

  static final String MAX_BOT_NAME = "Ромашка MAX";
  static final String MAX_BOT_USERNAME = "romashka_max_bot";

  static final String SPECIALISTS_ONLY_LINE = "Внутренняя (только специалисты)";
  static final String BOT_NAME = "Ромашка Поддержка";
  static final String BOT_USERNAME = "romashka_support_bot";

  final Company company;
  final List<Line> lines = new ArrayList<>();
  final Line internal;
  final Line support;
  final Specialist specialist;
  final BotInfo bot;

  /** For the error paths: a colleague who fills the company's bot slots, and their bots. */
  final Specialist colleague;

  final BotInfo salesBot;
  final List<BotInfo> moreBots = new ArrayList<>();

  /** MAX: a third specialist (a fresh management dialog) and the company's MAX bot. */
  final Specialist maxSpecialist;

  final MaxBotInfo maxBot;

  /** For the error paths: another company, whose tariff option will be switched off. */
  final Company otherCompany;

  final Specialist otherSpecialist;

  DemoCompany(Emulators emulators, MaxEmulator max) {
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
    Map<String, Boolean> botLines = new HashMap<>();
    lines.forEach(line -> botLines.put(line.id(), true));
    world.addApiAccount(API_LOGIN, API_PASSWORD, company.id(), botLines);
    bot = emulators.telegram.createBot(BOT_NAME, BOT_USERNAME);
    colleague = world.addSpecialist(company.id(), "Олег", "Смирнов");
    salesBot = emulators.telegram.createBot("Ромашка Продажи", "romashka_sales_bot");
    for (String name : FILLED_LINES) {
      moreBots.add(
          emulators.telegram.createBot(
              "Ромашка " + name, "romashka_extra" + (moreBots.size() + 1) + "_bot"));
    }
    maxSpecialist = world.addSpecialist(company.id(), "Елена", "Кузьмина");
    maxBot = max.createBot(MAX_BOT_NAME, MAX_BOT_USERNAME);
    otherCompany = world.addCompany("Лютик", true);
    world.addLine(otherCompany.id(), SUPPORT, LineAvailability.CLIENTS_AND_SPECIALISTS);
    otherSpecialist = world.addSpecialist(otherCompany.id(), "Пётр", "Кузнецов");
  }

  String specialistName() {
    return specialist.name() + " " + specialist.surname();
  }
}
