package io.omnichannel.launcher.web;

import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.ChannelLimits;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.WizardPurpose;
import io.omnichannel.core.port.in.ConfirmationOutcome;
import io.omnichannel.core.port.in.ConfirmationOutcome.Refusal;
import io.omnichannel.core.port.in.ConfirmationView;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The confirmation page, server-rendered in Russian as 1C-Connect's own pages are: every text it
 * shows is here, with the messenger's name from the link or the connection. Every value that comes
 * from outside (line and bot names) is escaped; the page carries no script.
 */
final class ConfirmationHtml {
  private static final String MANAGEMENT_LINE = "«1С-Коннект: Управление каналами»";

  /** For a link that names no messenger any more (unknown, expired, used). */
  static final ChannelKind ANY_MESSENGER = new ChannelKind("мессенджер");

  private ConfirmationHtml() {}

  /** The form, optionally under an error from a previous attempt. */
  static String form(ConfirmationView.Pending pending, Optional<String> error) {
    boolean connect = pending.purpose() == WizardPurpose.CONNECT;
    String messenger = pending.channel().displayName();
    String title =
        connect ? "Подключение " + messenger + "-бота" : "Отключение " + messenger + "-бота";
    String intro =
        connect
            ? "Бот "
                + esc(pending.bot().mention())
                + " («"
                + esc(pending.bot().displayName())
                + "») будет подключен к линии «"
                + esc(pending.line().name())
                + "». Введите учетную запись API, которую бот будет использовать для работы "
                + "с 1С-Коннект. Учетную запись API можно зарегистрировать в кабинете администратора 1С-Коннект."
            : "Бот "
                + esc(pending.bot().mention())
                + " будет отключен от линии «"
                + esc(pending.line().name())
                + "». Введите учетную запись API, которая используется для этого бота.";
    String errorBlock =
        error.map(text -> "<p class=\"error\" role=\"alert\">" + esc(text) + "</p>\n").orElse("");
    return page(
        title,
        errorBlock
            + "<p>"
            + intro
            + "</p>\n"
            + "<form method=\"post\" autocomplete=\"off\">\n"
            + "  <label>Логин учетной записи API<input name=\"login\" required autofocus></label>\n"
            + "  <label>Пароль<input name=\"password\" type=\"password\" required></label>\n"
            + "  <button type=\"submit\">"
            + (connect ? "Подключить" : "Отключить")
            + "</button>\n"
            + "</form>\n"
            + "<p class=\"hint\">Ссылка действует 15 минут и только один раз.</p>");
  }

  static String expired() {
    return page(
        "Ссылка устарела",
        "<p>Срок действия ссылки истек: она действует 15 минут. Запросите новую ссылку в линии "
            + MANAGEMENT_LINE
            + ".</p>");
  }

  static String used() {
    return page(
        "Ссылка уже использована",
        "<p>Эта ссылка уже использована или отменена. Если нужно, запросите новую "
            + "ссылку в линии "
            + MANAGEMENT_LINE
            + ".</p>");
  }

  static String unknown() {
    return page(
        "Ссылка не найдена",
        "<p>Такой ссылки нет. Проверьте адрес или запросите новую ссылку в линии "
            + MANAGEMENT_LINE
            + ".</p>");
  }

  static String connected(ConfirmationOutcome.Connected connected) {
    Connection connection = connected.connection();
    StringBuilder body =
        new StringBuilder(
            "<p>"
                + esc(connection.channel().displayName())
                + "-бот "
                + esc(connection.bot().mention())
                + " подключен к линии «"
                + esc(connection.line().name())
                + "». Пользователи "
                + esc(connection.channel().displayName())
                + " будут зарегистрированы в клиенте «"
                + esc(connection.technicalClient().name())
                + "». Сообщение о подключении отправлено в линию "
                + MANAGEMENT_LINE
                + ". Страницу можно закрыть.</p>");
    if (!connected.sharingApiAccount().isEmpty()) {
      body.append("\n<p class=\"warning\">Эта учетная запись API уже используется ботом ")
          .append(
              connected.sharingApiAccount().stream()
                  .map(c -> esc(c.bot().mention()))
                  .collect(Collectors.joining(", ")))
          .append(". Рекомендуем для каждого бота отдельную учетную запись API.</p>");
    }
    if (!connected.receiving()) {
      body.append(
          "\n<p class=\"warning\">Получение сообщений бота пока не запущено; попытка будет повторена "
              + "автоматически, состояние видно в списке линий.</p>");
    }
    return page("Бот подключен", body.toString());
  }

  static String disconnected(ConfirmationOutcome.Disconnected disconnected) {
    Connection connection = disconnected.connection();
    return page(
        "Бот отключен",
        "<p>"
            + esc(connection.channel().displayName())
            + "-бот "
            + esc(connection.bot().mention())
            + " отключен от линии «"
            + esc(connection.line().name())
            + "». История переписки сохранена. Страницу можно закрыть.</p>");
  }

  /** Too many submits from one address: the answer of 429, before the form is read. */
  static String throttled() {
    return page(
        "Слишком много попыток",
        "<p>С этого адреса форму отправляли слишком часто. Подождите немного и попробуйте "
            + "еще раз.</p>");
  }

  /** A refusal that ends the link's use: the page says why and what to do. */
  static String finalRefusal(Refusal refusal) {
    return finalRefusal(refusal, ANY_MESSENGER);
  }

  /** As {@link #finalRefusal(Refusal)}, for a link of the given messenger. */
  static String finalRefusal(Refusal refusal, ChannelKind channel) {
    return page("Действие не выполнено", "<p>" + esc(refusalText(refusal, channel)) + "</p>");
  }

  /** Whether the person can fix the cause on this page and send the form again. */
  static boolean canRetry(Refusal refusal) {
    return switch (refusal) {
      case WRONG_CREDENTIALS,
          LINE_NOT_ALLOWED,
          NOT_THE_CONNECTING_ACCOUNT,
          TEMPORARILY_UNAVAILABLE ->
          true;
      default -> false;
    };
  }

  /**
   * Why the form was refused; {@code channel} is the link's messenger ({@link #ANY_MESSENGER} when
   * the link is not pending and the refusal names none).
   */
  static String refusalText(Refusal refusal, ChannelKind channel) {
    return switch (refusal) {
      case UNKNOWN_LINK -> "Такой ссылки нет.";
      case EXPIRED ->
          "Срок действия ссылки истек. Запросите новую ссылку в линии " + MANAGEMENT_LINE + ".";
      case ALREADY_USED -> "Ссылка уже использована.";
      case WRONG_CREDENTIALS -> "Неверный логин или пароль учетной записи API.";
      case TOO_MANY_ATTEMPTS ->
          "Учетная запись API введена неверно слишком много раз, ссылка больше не действует. "
              + "Запросите новую ссылку в линии "
              + MANAGEMENT_LINE
              + ".";
      case LINE_NOT_ALLOWED ->
          "Учетная запись API не может работать с этой линией или на линии не разрешены боты. "
              + "Проверьте настройки учетной записи в кабинете администратора.";
      case NOT_THE_CONNECTING_ACCOUNT ->
          "Для отключения введите учетную запись API, с которой бот был подключен.";
      case TARIFF_OPTION_OFF -> "Не активна тарифная опция «Подключение внешних каналов».";
      case COMPANY_FULL ->
          "Компания уже подключила "
              + ChannelLimits.MAX_BOTS_PER_COMPANY
              + " "
              + channel
              + "-ботов — это максимум. Сначала отключите один из них.";
      case LINE_TAKEN -> "К этой линии уже подключен другой бот.";
      case BOT_TAKEN -> "Этот бот уже подключен к другой линии.";
      case NOT_CONNECTED -> "Бот уже отключен.";
      case TEMPORARILY_UNAVAILABLE ->
          "1С-Коннект или "
              + channel
              + " сейчас не отвечает. Попробуйте еще раз через несколько минут.";
    };
  }

  private static String page(String title, String body) {
    return Html.page(title, "1С-Коннект", false, "<h1>" + esc(title) + "</h1>\n" + body);
  }

  private static String esc(String text) {
    return Html.esc(text);
  }
}
