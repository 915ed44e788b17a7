package io.omnichannel.e2e;

import static io.omnichannel.sandbox.scenario.ManagementChat.buttons;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.sandbox.scenario.GatewayHttp;
import io.omnichannel.sandbox.scenario.GatewayHttp.Page;
import io.omnichannel.sandbox.scenario.ManagementChat;
import io.omnichannel.testkit.max.MaxButton;
import io.omnichannel.testkit.max.MaxDialogScenario;
import io.omnichannel.testkit.max.MaxGroupScenario;
import io.omnichannel.testkit.max.MaxSentMessage;
import io.omnichannel.testkit.max.MaxUser;
import io.omnichannel.testkit.oneconnect.Button;
import io.omnichannel.testkit.oneconnect.ClientUser;
import io.omnichannel.testkit.oneconnect.LinkButton;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * MAX end to end beyond text and files (issue #17), as F4, F6, F7, F9, F10 and F11 are for
 * Telegram: images both ways, the line's digital menu as an inline keyboard and a press coming
 * back, an edit, a group with two members, a ban, a user who stops the bot, and the disconnect
 * wizard.
 */
class MaxRelayEndToEndTest extends MaxEndToEndHarness {
  private static final long MIB = 1L << 20;

  @Test
  void imagesGoBothWaysAndAnOverSizeImageIsRefusedPolitely() throws Exception {
    MaxConnected connected = new MaxConnected();
    MaxUser olga = MaxUser.of(newUserId(), "Ольга", "Петрова", "olga");
    MaxDialogScenario dialog = connected.dialog(olga);
    String account = connected.firstContact(olga, "Пришлю скриншот ошибки");

    dialog.sendsImage("скриншот ошибки", 300_000);
    TranscriptEntry image =
        supportLines.awaitFromUser(
            connected.line, account, "an image", e -> e.kind() == TranscriptEntry.Kind.IMAGE);
    assertThat(image.file().size()).isEqualTo(300_000);
    assertThat(image.text()).isEqualTo("скриншот ошибки");

    byte[] png = png();
    connected.specialistSendsFile(account, "схема.png", "image/png", png, "схема проезда");
    MaxSentMessage sent = max.awaitSent(connected.bot.token(), dialog.chatId(), 1, WAIT).get(0);
    assertThat(sent.text()).isEqualTo("схема проезда");
    assertThat(sent.attachments())
        .singleElement()
        .satisfies(
            attachment -> {
              assertThat(attachment.type()).isEqualTo("image");
              assertThat(attachment.size()).isEqualTo(png.length);
              assertThat(attachment.sha256()).isEqualTo(sha256(png));
            });

    // over 1C-Connect's 5 MB for images: not forwarded, the user told, the line sees a placeholder
    dialog.sendsImage("большое фото", 6 * MIB);
    MaxSentMessage notice = max.awaitSent(connected.bot.token(), dialog.chatId(), 2, WAIT).get(1);
    assertThat(notice.text()).contains("не отправлено").contains("не больше 5 МБ");
    TranscriptEntry placeholder =
        supportLines.awaitText(connected.line, account, "не передано: больше 5 МБ");
    assertThat(placeholder.text()).startsWith("[Изображение").endsWith("\nбольшое фото");
  }

  @Test
  void aDigitalMenuBecomesAnInlineKeyboardAndAPressComesBackAsTheUsersText() throws Exception {
    MaxConnected connected = new MaxConnected();
    MaxUser ivan = MaxUser.of(newUserId(), "Иван", "Петров", "ivan");
    MaxDialogScenario dialog = connected.dialog(ivan);
    String account = connected.firstContact(ivan, "Меню, пожалуйста");

    oneConnect
        .scenario()
        .specialistSendsMenu(
            connected.line.id(),
            account,
            connected.tenant.specialist.id(),
            "Выберите тему обращения",
            List.of(
                List.of(Button.of("Оплата"), Button.of("Доставка")), List.of(Button.of("Другое"))));
    MaxSentMessage menu = max.awaitSent(connected.bot.token(), dialog.chatId(), 1, WAIT).get(0);
    assertThat(menu.text()).isEqualTo("Выберите тему обращения");
    assertThat(menu.buttons())
        .extracting(row -> row.stream().map(MaxButton::text).toList())
        .containsExactly(List.of("Оплата", "Доставка"), List.of("Другое"));
    assertThat(menu.allButtons()).extracting(MaxButton::type).containsOnly("message");

    // a message button sends its text as the user's message (MAX does it in the client)
    dialog.sendsText("Доставка");
    supportLines.awaitText(connected.line, account, "Доставка");

    // dropped: the user is told (the keyboard stays on its own message, as MAX keyboards do), and
    // the next text carries none
    oneConnect
        .scenario()
        .specialistDropsKeyboard(connected.line.id(), account, connected.tenant.specialist.id());
    connected.specialistWrites(account, "Спасибо, уточню по доставке");
    List<MaxSentMessage> afterDrop = max.awaitSent(connected.bot.token(), dialog.chatId(), 3, WAIT);
    assertThat(afterDrop.subList(1, 3))
        .extracting(MaxSentMessage::text)
        .containsExactly("Меню закрыто.", "Спасибо, уточню по доставке");
    assertThat(afterDrop.subList(1, 3)).allSatisfy(sent -> assertThat(sent.buttons()).isEmpty());

    oneConnect
        .scenario()
        .specialistBroadcasts(
            connected.line.id(),
            account,
            connected.tenant.specialist.id(),
            "Новая акция для клиентов!",
            new LinkButton("Подробнее", "https://example.org/promo"));
    MaxSentMessage broadcast =
        max.awaitSent(connected.bot.token(), dialog.chatId(), 4, WAIT).get(3);
    assertThat(broadcast.text()).contains("Новая акция для клиентов!");
    assertThat(broadcast.allButtons())
        .singleElement()
        .isEqualTo(new MaxButton("link", "Подробнее", null, "https://example.org/promo"));
  }

  @Test
  void anEditArrivesMarkedInTheSameAccount() {
    MaxConnected connected = new MaxConnected();
    MaxUser anna = MaxUser.of(newUserId(), "Анна", "Смирнова", "anna");
    String mid = connected.dialog(anna).sendsText("Заказ 15 не пришёл").mid();
    String account = supportLines.awaitNewUser(connected.line, "Заказ 15 не пришёл");

    connected.dialog(anna).editsMessage(mid, "Заказ 16 не пришёл");
    assertThat(supportLines.awaitText(connected.line, account, "Заказ 16").text())
        .isEqualTo("✏️ Изменено: Заказ 16 не пришёл");
    assertThat(accountsOf(connected.bot)).extracting(ClientUser::id).containsExactly(account);
  }

  @Test
  void aGroupWithTwoMembersIsOneAccountAndAddingTheBotAgainMakesANewOne() {
    MaxConnected connected = new MaxConnected();
    MaxUser ivan = MaxUser.of(newUserId(), "Иван", "Петров", "ivan");
    MaxUser petr = MaxUser.of(newUserId(), "Пётр", "Сидоров", "petr");
    MaxGroupScenario group = connected.groupWithBot("Отдел закупок", ivan);

    group.member(ivan).sendsText("Добрый день, это закупки");
    String groupAccount =
        supportLines.awaitNewUser(connected.line, "Иван Петров: Добрый день, это закупки");
    group.member(petr).sendsText("У нас вопрос по счету");
    supportLines.awaitText(connected.line, groupAccount, "Пётр Сидоров: У нас вопрос по счету");
    assertThat(accountsOf(connected.bot)).extracting(ClientUser::id).containsExactly(groupAccount);
    assertThat(supportLines.fromUser(connected.line, groupAccount))
        .extracting(TranscriptEntry::text)
        .containsExactly(
            "Иван Петров: Добрый день, это закупки", "Пётр Сидоров: У нас вопрос по счету");

    connected.specialistWrites(groupAccount, "Здравствуйте, коллеги!");
    assertThat(max.awaitSent(connected.bot.token(), group.chatId(), 1, WAIT).get(0).text())
        .isEqualTo("Здравствуйте, коллеги!");

    // removed and added again: a new epoch, a new account; the old one keeps its history
    group.removesBot(ivan);
    group.addsBot(petr);
    group.makesBotAdmin();
    group.member(petr).sendsText("Мы вернули бота");
    supportLines.awaitReceived("Пётр Сидоров: Мы вернули бота");
    List<ClientUser> after = accountsOf(connected.bot);
    assertThat(after).hasSize(2);
    String newAccount =
        after.stream()
            .map(ClientUser::id)
            .filter(id -> !id.equals(groupAccount))
            .findFirst()
            .orElseThrow();
    supportLines.awaitText(connected.line, newAccount, "Пётр Сидоров: Мы вернули бота");
    assertThat(supportLines.fromUser(connected.line, groupAccount)).hasSize(2);

    // the old account's chat ended with the removal: an answer there is not sent, the line is told
    connected.specialistWrites(groupAccount, "Это ещё актуально?");
    assertThat(supportLines.awaitText(connected.line, groupAccount, "удалён из группы").text())
        .isEqualTo(
            "⚠️ Сообщение шлюза: бот @"
                + connected.bot.username()
                + " удалён из группы в MAX. Сообщения из 1С-Коннект в неё больше не доставляются.");
    connected.specialistWrites(newAccount, "С возвращением!");
    assertThat(max.awaitSent(connected.bot.token(), group.chatId(), 2, WAIT))
        .extracting(MaxSentMessage::text)
        .containsExactly("Здравствуйте, коллеги!", "С возвращением!");
  }

  @Test
  void messagesOfABannedUserAreDroppedAndRecordedUntilTheBanIsLifted() {
    MaxConnected connected = new MaxConnected();
    MaxUser ivan = MaxUser.of(newUserId(), "Иван", "Петров", "ivan");
    MaxUser maria = MaxUser.of(newUserId(), "Мария", "Соколова", "maria");
    String ivanAccount = connected.firstContact(ivan, "до бана");
    String mariaAccount = connected.firstContact(maria, "я не забанена");
    double droppedBefore = gatewayHttp.metric(GatewayHttp.DROPPED, "reason", "banned");

    oneConnect.world().ban(ivanAccount, connected.line.id());
    gatewayHttp.awaitBanRecorded(connected.bot.username(), accountName(ivan), true);
    connected.dialog(ivan).sendsText("после бана");
    gatewayHttp.awaitMetric(
        droppedBefore + 1, GatewayHttp.DROPPED, "reason", "banned", "direction", "to_line");
    connected.dialog(maria).sendsText("а мои сообщения доходят");
    supportLines.awaitText(connected.line, mariaAccount, "а мои сообщения доходят");

    oneConnect.world().unban(ivanAccount, connected.line.id());
    gatewayHttp.awaitBanRecorded(connected.bot.username(), accountName(ivan), false);
    connected.dialog(ivan).sendsText("после разбана");
    supportLines.awaitText(connected.line, ivanAccount, "после разбана");
    assertThat(supportLines.fromUser(connected.line, ivanAccount))
        .extracting(TranscriptEntry::text)
        .containsExactly("до бана", "после разбана");
    assertThat(max.sentMessages(connected.bot.token(), connected.dialog(ivan).chatId()))
        .as("a ban is silent for the user, as on Telegram (F9)")
        .isEmpty();
  }

  @Test
  void aUserWhoStoppedTheBotGetsNothingTheSpecialistIsToldOnceAndStartingAgainResumes() {
    MaxConnected connected = new MaxConnected();
    MaxUser ivan = MaxUser.of(newUserId(), "Иван", "Петров", "ivan");
    MaxDialogScenario dialog = connected.dialog(ivan);
    String account = connected.firstContact(ivan, "Ответьте позже");
    double droppedBefore = gatewayHttp.metric(GatewayHttp.DROPPED, "reason", "bot_blocked");

    dialog.stopsBot();
    connected.specialistWrites(account, "Иван, вы тут?");
    TranscriptEntry notice =
        supportLines.awaitText(connected.line, account, "пользователь заблокировал бота");
    assertThat(notice.text())
        .isEqualTo(
            "⚠️ Сообщение шлюза: пользователь заблокировал бота @"
                + connected.bot.username()
                + " в MAX. Сообщения из 1С-Коннект ему не доставляются, пока он не разблокирует бота.");
    gatewayHttp.awaitMetric(
        droppedBefore + 1, GatewayHttp.DROPPED, "reason", "bot_blocked", "direction", "to_channel");

    connected.specialistWrites(account, "Иван, ответьте, пожалуйста");
    connected.specialistWrites(account, "Иван?");
    gatewayHttp.awaitMetric(
        droppedBefore + 3, GatewayHttp.DROPPED, "reason", "bot_blocked", "direction", "to_channel");
    assertThat(supportLines.fromUser(connected.line, account))
        .filteredOn(e -> e.text() != null && e.text().contains("заблокировал бота"))
        .hasSize(1);
    assertThat(max.sentMessages(connected.bot.token(), dialog.chatId())).isEmpty();

    // bot_started: the next answer goes through again
    dialog.startsBot();
    dialog.sendsText("Я снова здесь");
    supportLines.awaitText(connected.line, account, "Я снова здесь");
    connected.specialistWrites(account, "Отлично, продолжаем");
    assertThat(max.awaitSent(connected.bot.token(), dialog.chatId(), 1, WAIT).get(0).text())
        .isEqualTo("Отлично, продолжаем");
    assertThat(supportLines.fromUser(connected.line, account))
        .filteredOn(e -> e.text() != null && e.text().contains("заблокировал бота"))
        .hasSize(1);
  }

  @Test
  void afterTheDisconnectWizardNothingFlowsEitherWayAndTheHistoryIsKept() {
    Tenant tenant = newTenant();
    MaxConnected support = new MaxConnected(tenant, "Поддержка");
    MaxConnected sales = new MaxConnected(tenant, "Продажи");
    MaxUser ivan = MaxUser.of(newUserId(), "Иван", "Петров", "ivan");
    MaxDialogScenario dialog = support.dialog(ivan);
    String account = support.firstContact(ivan, "до отключения");
    support.specialistWrites(account, "ответ до отключения");
    max.awaitSent(support.bot.token(), dialog.chatId(), 1, WAIT);

    TranscriptEntry linkMessage = disconnectMaxLink(tenant, support.line, support.bot);
    String link = ManagementChat.link(linkMessage.text());
    Page page = gatewayHttp.get(link);
    assertThat(page.body())
        .contains("Отключение MAX-бота")
        .contains("будет отключен от линии «Поддержка»");
    Page done = gatewayHttp.submit(link, "api-max-" + support.line.id(), "pw");
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.body()).contains("отключен от линии «Поддержка». История переписки сохранена.");
    tenant.awaitAnswer(
        "MAX-бот @"
            + support.bot.username()
            + " отключен от линии «Поддержка». История переписки сохранена.");
    assertThat(gatewayHttp.adminConnection(support.bot.username())).isEmpty();

    // neither way: the user writes, the specialist answers
    dialog.sendsText("после отключения");
    support.specialistWrites(account, "ответ после отключения");
    // a barrier: the other MAX bot of the same gateway still relays both ways
    MaxUser maria = MaxUser.of(newUserId(), "Мария", "Соколова", "maria");
    String mariaAccount = sales.firstContact(maria, "вопрос в продажи");
    sales.specialistWrites(mariaAccount, "ответ из продаж");
    max.awaitSent(sales.bot.token(), sales.dialog(maria).chatId(), 1, WAIT);

    assertThat(max.pendingUpdateCount(support.bot.token()))
        .as("nobody polls the disconnected bot")
        .isEqualTo(1);
    assertThat(max.sentMessages(support.bot.token(), dialog.chatId()))
        .extracting(MaxSentMessage::text)
        .containsExactly("ответ до отключения");
    assertThat(accountsOf(support.bot)).extracting(ClientUser::id).containsExactly(account);
    assertThat(supportLines.fromUser(support.line, account))
        .extracting(TranscriptEntry::text)
        .containsExactly("до отключения");

    TranscriptEntry list = tenant.say(LIST_MAX, "Линии с MAX-ботами:");
    assertThat(list.text()).doesNotContain("«Поддержка»").contains("Линия «Продажи»");
    assertThat(buttons(tenant.say("MAX", "MAX: выберите действие."))).contains(DISCONNECT_MAX);
  }

  private static byte[] png() throws Exception {
    BufferedImage picture = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
    picture.setRGB(10, 10, 0xff0000);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(picture, "png", png);
    return png.toByteArray();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
