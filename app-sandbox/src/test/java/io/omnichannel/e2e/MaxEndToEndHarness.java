package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.launcher.Omnichannel;
import io.omnichannel.launcher.messengers.MaxMessenger;
import io.omnichannel.max.MaxConfig;
import io.omnichannel.sandbox.scenario.Await;
import io.omnichannel.sandbox.scenario.GatewayHttp;
import io.omnichannel.sandbox.scenario.ManagementChat;
import io.omnichannel.testkit.max.MaxBotInfo;
import io.omnichannel.testkit.max.MaxDialogScenario;
import io.omnichannel.testkit.max.MaxEmulator;
import io.omnichannel.testkit.max.MaxEmulatorConfig;
import io.omnichannel.testkit.max.MaxGroupScenario;
import io.omnichannel.testkit.max.MaxSentMessage;
import io.omnichannel.testkit.max.MaxUser;
import io.omnichannel.testkit.oneconnect.ClientCompany;
import io.omnichannel.testkit.oneconnect.ClientUser;
import io.omnichannel.testkit.oneconnect.HookEvent;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The harness with a MAX emulator beside Telegram's, and the gateway running both messengers: the
 * MAX wizards of the management line (connect, disconnect) with the confirmation page, and a
 * connected MAX bot ready to relay. Subclasses choose the receive mode and may put the emulator
 * behind HTTPS.
 */
abstract class MaxEndToEndHarness extends EndToEndHarness {
  static final String CONNECT_MAX = "Подключить MAX-бот";
  static final String DISCONNECT_MAX = "Отключить MAX-бот";
  static final String LIST_MAX = "Показать линии с MAX-бот";
  MaxEmulator max;

  @Override
  void beforeGateway() throws Exception {
    max = MaxEmulator.start(MaxEmulatorConfig.forTests());
  }

  @Override
  void afterGateway() {
    if (max != null) {
      max.close();
    }
  }

  MaxConfig.ReceiveMode maxMode() {
    return MaxConfig.ReceiveMode.POLLING;
  }

  /** The gateway's MAX settings: the emulator's API, short polls and waits, MAX's pacing × 0.02. */
  MaxConfig maxConfig(URI publicBase, String instanceId) {
    return MaxConfig.of(maxMode(), publicBase, instanceId)
        .withApiBaseUrl(URI.create(max.baseUrl()))
        .withTimeouts(
            MaxConfig.Timeouts.defaults()
                .withLongPoll(Duration.ofSeconds(1))
                .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2))
                .withNotReadyWaits(List.of(Duration.ofMillis(100))))
        .withPacing(MaxConfig.Pacing.max().scaled(0.02));
  }

  @Override
  Omnichannel.Builder builder(int httpPort, String instanceId) {
    return super.builder(httpPort, instanceId)
        .messenger(MaxMessenger.setup(maxConfig(publicBase(httpPort), instanceId)));
  }

  MaxBotInfo newMaxBot(String name) {
    String n = unique("max");
    String suffix = n.substring(n.indexOf(' ') + 1);
    return max.createBot(name + " " + suffix, "e2e_max_" + suffix + "_bot");
  }

  /** The connect wizard for MAX, the confirmation page, and the announcement. */
  TranscriptEntry connectMax(Tenant tenant, Line line, MaxBotInfo bot, String login) {
    tenant.say("MAX", "MAX: выберите действие.");
    tenant.say(CONNECT_MAX, "Выберите линию, к которой нужно подключить MAX-бот.");
    tenant.say(line.name(), "Отправьте токен MAX-бота");
    String link =
        ManagementChat.link(
            tenant.say(bot.token(), "Чтобы подключить бот @" + bot.username()).text());
    tenant.apiAccount(login, "pw", line);
    GatewayHttp.Page confirmed = gatewayHttp.submit(link, login, "pw");
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    assertThat(confirmed.body()).contains("подключен к линии");
    TranscriptEntry announced =
        tenant.awaitAnswer(
            "MAX-бот @" + bot.username() + " подключен к линии «" + line.name() + "».");
    if (maxMode() == MaxConfig.ReceiveMode.POLLING) {
      max.awaitPolling(bot.token(), WAIT);
    } else {
      Await.until(() -> max.subscriptionUrl(bot.token()), WAIT, "a MAX subscription");
    }
    return announced;
  }

  /**
   * The disconnect wizard for MAX up to the confirmation page: the MAX menu, disconnect, the line;
   * returns the line's answer with the one-time link.
   */
  TranscriptEntry disconnectMaxLink(Tenant tenant, Line line, MaxBotInfo bot) {
    tenant.say("MAX", "MAX: выберите действие.");
    tenant.say(DISCONNECT_MAX, "Выберите линию, от которой нужно отключить MAX-бот.");
    return tenant.say(line.name(), "Чтобы отключить бот @" + bot.username());
  }

  MaxSentMessage awaitSentText(MaxBotInfo bot, long chatId, String text) {
    return Await.until(
        () ->
            max.sentMessages(bot.token(), chatId).stream()
                .filter(sent -> sent.text() != null && sent.text().contains(text))
                .findFirst(),
        WAIT,
        "«" + text + "» sent to MAX chat " + chatId);
  }

  /** The technical client «MAX: <bot name>» and its users (MAX users and groups), oldest first. */
  List<ClientUser> accountsOf(MaxBotInfo bot) {
    ClientCompany client = supportLines.client("MAX: " + bot.name());
    return supportLines.usersOf(client);
  }

  /** The name the gateway gives a MAX user's account in 1C-Connect. */
  static String accountName(MaxUser user) {
    return user.name();
  }

  /**
   * A MAX bot connected to a fresh line of a fresh company through the management line, ready to
   * relay: the common start of the relay tests.
   */
  final class MaxConnected {
    final Tenant tenant;
    final Line line;
    final MaxBotInfo bot = newMaxBot("Ромашка");

    MaxConnected() {
      this(newTenant(), "Поддержка MAX");
    }

    MaxConnected(Tenant tenant, String lineName) {
      this.tenant = tenant;
      this.line = tenant.line(lineName);
      connectMax(tenant, line, bot, "api-max-" + line.id());
    }

    MaxDialogScenario dialog(MaxUser user) {
      return max.bot(bot.token()).dialog(user);
    }

    /** The user writes a first text; returns the 1C user id of the account it created. */
    String firstContact(MaxUser user, String text) {
      dialog(user).sendsText(text);
      String account = supportLines.awaitNewUser(line, text);
      assertThat(accountsOf(bot))
          .filteredOn(each -> each.id().equals(account))
          .singleElement()
          .satisfies(
              each -> assertThat(each.name() + " " + each.surname()).contains(user.firstName()));
      return account;
    }

    /** A new group chat that {@code admin} adds the bot to and makes it an admin (it reads all). */
    MaxGroupScenario groupWithBot(String title, MaxUser admin) {
      MaxGroupScenario group = max.bot(bot.token()).group(-1_000_000L - newUserId(), title);
      group.addsBot(admin);
      group.makesBotAdmin();
      return group;
    }

    HookEvent specialistWrites(String account, String text) {
      return oneConnect
          .scenario()
          .specialistWrites(line.id(), account, tenant.specialist.id(), text);
    }

    HookEvent specialistSendsFile(
        String account, String name, String mime, byte[] bytes, String caption) {
      return oneConnect
          .scenario()
          .specialistSendsFile(
              line.id(), account, tenant.specialist.id(), name, mime, bytes, caption);
    }
  }
}
