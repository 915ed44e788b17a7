package io.omnichannel.launcher.web;

import io.omnichannel.core.domain.AuditEntry.AuditAction;
import io.omnichannel.core.domain.ChatKind;
import io.omnichannel.core.domain.ConnectionState;
import io.omnichannel.core.domain.DeadLetter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The operators' words, in Russian, in one place: the gateway's values, and the tables' headings,
 * empty notes, answers and buttons of the console and of the admin overview.
 */
final class ConsoleTexts {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  static final String NO_CONNECTIONS = "Подключений нет.";
  static final List<String> CONNECTION_COLUMNS =
      List.of("Компания", "Линия", "Мессенджер", "Бот", "Технический клиент", "Состояние", "С", "");
  static final String USERS_LINK = "Пользователи";

  static final String NO_ACCOUNTS = "Пользователей пока нет: никто не писал боту.";
  static final List<String> ACCOUNT_COLUMNS =
      List.of(
          "Пользователь",
          "Чат",
          "Бан в 1С-Коннект",
          "Бот заблокирован",
          "Последняя активность",
          "Появился");
  static final String YES = "Да";
  static final String NO = "Нет";

  static final String DEAD_LETTERS_HINT =
      "Сообщения, которые не удалось обработать после всех попыток. Устраните причину и верните"
          + " сообщение в очередь, или удалите его.";
  static final String NO_DEAD_LETTERS = "Недоставленных сообщений нет.";
  static final List<String> DEAD_LETTER_COLUMNS =
      List.of("Очередь", "№", "Чат", "Попыток", "Причина", "Предыдущая ошибка", "");
  static final String REQUEUE = "Вернуть в очередь";
  static final String DISCARD = "Удалить";

  static final String COMPANY_FILTER = "Компания";
  static final String ACTION_FILTER = "Действие";
  static final String ANY = "Все";
  static final String SHOW = "Показать";
  static final String NO_AUDIT_ENTRIES = "Записей нет.";
  static final List<String> AUDIT_COLUMNS =
      List.of("Время", "Компания", "Кто", "Действие", "Подробности");
  static final String GATEWAY = "Шлюз";

  static final String ADMIN_CONNECTIONS = "Подключения";
  static final List<String> ADMIN_CONNECTION_COLUMNS =
      List.of("Компания", "Линия", "Мессенджер", "Бот", "Клиент", "Состояние");
  static final String ADMIN_DEAD_LETTERS = "Недоставленных сообщений: ";

  private ConsoleTexts() {}

  /** ", с <time>": since when a yes holds. */
  static String since(Optional<Instant> at) {
    return ", с " + time(at);
  }

  static String state(ConnectionState state) {
    return switch (state) {
      case ACTIVE -> "Работает";
      case TOKEN_REVOKED -> "Токен бота отозван";
      case WEBHOOK_FAILING -> "Ошибки получения сообщений";
      case TARIFF_OPTION_OFF -> "Тарифная опция не активна";
      case API_ACCOUNT_REJECTED -> "Учетная запись API не принята";
      case DISCONNECTED -> "Отключено";
    };
  }

  /** Why a connection is in its state, and what fixes it. */
  static String reason(ConnectionState state) {
    return switch (state) {
      case ACTIVE -> "Сообщения передаются в обе стороны.";
      case TOKEN_REVOKED ->
          "Мессенджер не принимает токен бота: он отозван или неверен. Подключите бота"
              + " заново с новым токеном.";
      case WEBHOOK_FAILING ->
          "Мессенджер сообщает об ошибках доставки сообщений шлюзу; получение перезапускается"
              + " автоматически.";
      case TARIFF_OPTION_OFF ->
          "У компании не активна тарифная опция «Подключение внешних каналов»: сообщения не"
              + " передаются.";
      case API_ACCOUNT_REJECTED ->
          "1С-Коннект не принимает учетную запись API подключения: пароль изменен или учетная"
              + " запись удалена.";
      case DISCONNECTED -> "Бот отключен от линии.";
    };
  }

  static String action(AuditAction action) {
    return switch (action) {
      case CONFIRMATION_ISSUED -> "Выдана ссылка подтверждения";
      case CONFIRMATION_REFUSED -> "Подтверждение отклонено";
      case CONNECTED -> "Бот подключен";
      case DISCONNECTED -> "Бот отключен";
      case CONNECTION_STATE_CHANGED -> "Состояние подключения изменилось";
    };
  }

  static String queue(DeadLetter.Queue queue) {
    return switch (queue) {
      case INBOX -> "Входящие";
      case OUTBOX -> "Исходящие";
    };
  }

  static String chat(ChatKind kind) {
    return switch (kind) {
      case PRIVATE -> "Личный чат";
      case GROUP -> "Группа";
    };
  }

  static String time(Instant at) {
    return TIME.format(at);
  }

  static String time(Optional<Instant> at) {
    return at.map(ConsoleTexts::time).orElse("—");
  }
}
