package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.BotProfile;
import io.omnichannel.core.domain.ChannelCatalog;
import io.omnichannel.core.domain.ChannelDescription;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.ChannelLimits;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionState;
import io.omnichannel.core.domain.Line;
import io.omnichannel.core.domain.Menu;
import io.omnichannel.core.domain.MenuButton;
import io.omnichannel.core.domain.WizardPurpose;
import java.net.URI;
import java.util.List;

/**
 * Every text the management line says, in Russian as in 1C-Connect's interface: the root menu's
 * (static) and one messenger's (an instance, fed from its {@link ChannelDescription}). Button texts
 * follow the source document word for word, with the messenger's name put in.
 */
final class DialogTexts {
  static final String BACK = "Назад";
  static final String CANCEL = "Отмена";
  static final String PREVIOUS_PAGE = "◀";
  static final String NEXT_PAGE = "▶";

  private final ChannelDescription description;
  private final ChannelKind channel;

  DialogTexts(ChannelDescription description) {
    this.description = description;
    this.channel = description.kind();
  }

  /** The root menu: one button per messenger, in the catalog's order. */
  static Menu rootMenu(ChannelCatalog channels) {
    return Menu.column(
        channels.all().stream().map(ChannelDescription::displayName).toArray(String[]::new));
  }

  static String chooseChannel() {
    return "Выберите канал, которым хотите управлять.";
  }

  static String notUnderstood() {
    return "Пожалуйста, выберите пункт меню.";
  }

  static String cancelled() {
    return "Действие отменено.";
  }

  static String notASpecialist() {
    return "Управлять каналами могут только специалисты компаний, подключенных к 1С-Коннект.";
  }

  static String linkStillValid() {
    return "Ссылка, отправленная выше, действует 15 минут. Чтобы отозвать ее, нажмите «"
        + CANCEL
        + "».";
  }

  static String linkWithdrawn() {
    return "Действие отменено, ссылка больше не действует.";
  }

  static String linkBurned(Line line, int attempts) {
    return "Ссылка для линии «"
        + line.name()
        + "» больше не действует: учетная запись API не подошла "
        + attempts
        + " раз. Если это были вы, запросите новую ссылку. "
        + "Если нет, возможно, ссылку узнал кто-то другой.";
  }

  String channelButton() {
    return channel.displayName();
  }

  String connectButton() {
    return "Подключить " + channel + "-бот";
  }

  String disconnectButton() {
    return "Отключить " + channel + "-бот";
  }

  String listButton() {
    return "Показать линии с " + channel + "-бот";
  }

  /** Connect, disconnect, list — and back to the channels. */
  Menu channelMenu() {
    return new Menu(
        List.of(
            List.of(new MenuButton(connectButton())),
            List.of(new MenuButton(disconnectButton())),
            List.of(new MenuButton(listButton())),
            List.of(new MenuButton(BACK))));
  }

  /** Every wizard step offers a way back and a way out. */
  static Menu wizardMenu() {
    return new Menu(List.of(List.of(new MenuButton(BACK), new MenuButton(CANCEL))));
  }

  String channelMenuPrompt() {
    return channel + ": выберите действие.";
  }

  String tariffOptionOff() {
    return "Для работы с каналом "
        + channel
        + " нужна активная тарифная опция «Подключение внешних каналов». "
        + "Обратитесь к администратору вашей компании.";
  }

  String companyFull() {
    return "Компания уже подключила "
        + ChannelLimits.MAX_BOTS_PER_COMPANY
        + " "
        + channel
        + "-ботов — это максимум. "
        + "Чтобы подключить новый бот, сначала отключите один из подключенных.";
  }

  String noLinesToConnect() {
    return "Нет линий, к которым можно подключить "
        + channel
        + "-бот. Подходят линии вашей компании с типом доступности "
        + "«Для клиентов и специалистов», к которым еще не подключен бот.";
  }

  String noLinesToDisconnect() {
    return "Нет линий с подключенными " + channel + "-ботами.";
  }

  String chooseLine(WizardPurpose purpose, int page, int pages) {
    String what =
        purpose == WizardPurpose.CONNECT
            ? "Выберите линию, к которой нужно подключить " + channel + "-бот."
            : "Выберите линию, от которой нужно отключить " + channel + "-бот.";
    return pages > 1 ? what + " Страница " + (page + 1) + " из " + pages + "." : what;
  }

  String askToken(Line line) {
    return "Линия «"
        + line.name()
        + "». Отправьте токен "
        + channel
        + "-бота. "
        + description.tokenHint();
  }

  String notAToken() {
    return "Это не похоже на токен бота."
        + description
            .tokenFormat()
            .shape()
            .map(shape -> " Токен выглядит как " + shape + ".")
            .orElse("")
        + " Скопируйте токен целиком и отправьте еще раз. "
        + description.tokenHint();
  }

  String tokenRejected() {
    return channel
        + " не принял этот токен: бот не найден или токен отозван. "
        + "Проверьте токен и отправьте его еще раз. "
        + description.tokenHint();
  }

  String channelUnavailable() {
    return channel
        + " сейчас не отвечает. Попробуйте отправить токен еще раз через несколько минут.";
  }

  String botAlreadyConnected(Connection existing) {
    return "Бот "
        + existing.bot().mention()
        + " уже подключен к линии «"
        + existing.line().name()
        + "». "
        + "Один "
        + channel
        + "-бот можно подключить только к одной линии.";
  }

  String lineTaken(Connection existing) {
    return "К линии «"
        + existing.line().name()
        + "» уже подключен бот "
        + existing.bot().mention()
        + ". Выберите другую линию.";
  }

  String connectLink(Line line, BotProfile bot, URI link) {
    return "Чтобы подключить бот "
        + bot.mention()
        + " («"
        + bot.displayName()
        + "») к линии «"
        + line.name()
        + "», перейдите по ссылке и введите учетную запись API, которую бот будет использовать для работы с 1С-Коннект:\n"
        + link
        + "\nСсылка действует 15 минут и открывается один раз. "
        + "Рекомендуем для каждого бота завести отдельную учетную запись API.";
  }

  String disconnectLink(Line line, BotProfile bot, URI link) {
    return "Чтобы отключить бот "
        + bot.mention()
        + " от линии «"
        + line.name()
        + "», перейдите по ссылке и введите учетную запись API, которая используется для этого бота:\n"
        + link
        + "\nСсылка действует 15 минут и открывается один раз.";
  }

  String connected(Connection connection) {
    return channel
        + "-бот "
        + connection.bot().mention()
        + " подключен к линии «"
        + connection.line().name()
        + "». "
        + "Пользователи "
        + channel
        + " будут зарегистрированы в клиенте «"
        + connection.technicalClient().name()
        + "».";
  }

  String apiAccountShared(List<Connection> others) {
    StringBuilder text =
        new StringBuilder("Обратите внимание: эта учетная запись API уже используется ботом");
    others.forEach(other -> text.append(' ').append(other.bot().mention()));
    return text.append(". Рекомендуем для каждого бота отдельную учетную запись API.").toString();
  }

  String receivingFailed(Connection connection) {
    return "Не удалось начать получение сообщений бота "
        + connection.bot().mention()
        + ". Мы повторим попытку автоматически; состояние видно в списке линий.";
  }

  String disconnected(Connection connection) {
    return channel
        + "-бот "
        + connection.bot().mention()
        + " отключен от линии «"
        + connection.line().name()
        + "». История переписки сохранена.";
  }

  String connectionList(List<Connection> connections) {
    StringBuilder text = new StringBuilder("Линии с " + channel + "-ботами:");
    for (int i = 0; i < connections.size(); i++) {
      Connection connection = connections.get(i);
      text.append("\n")
          .append(i + 1)
          .append(". Линия «")
          .append(connection.line().name())
          .append("» — бот ")
          .append(connection.bot().mention())
          .append(" («")
          .append(connection.bot().displayName())
          .append("»), клиент «")
          .append(connection.technicalClient().name())
          .append("», состояние: ")
          .append(stateLabel(connection.state()));
    }
    return text.toString();
  }

  static String stateLabel(ConnectionState state) {
    return switch (state) {
      case ACTIVE -> "активно";
      case TOKEN_REVOKED -> "токен бота отозван";
      case WEBHOOK_FAILING -> "ошибки получения сообщений";
      case TARIFF_OPTION_OFF -> "тарифная опция «Подключение внешних каналов» не активна";
      case API_ACCOUNT_REJECTED -> "учетная запись API не принята";
      case DISCONNECTED -> "отключено";
    };
  }
}
