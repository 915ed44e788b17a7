package io.omnichannel.launcher.web;

import io.omnichannel.core.domain.AuditEntry.AuditAction;
import io.omnichannel.core.domain.ChatKind;
import io.omnichannel.core.domain.ConnectionState;
import io.omnichannel.core.domain.DeadLetter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** The console's words for the gateway's values, in Russian, in one place. */
final class ConsoleTexts {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private ConsoleTexts() {}

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
