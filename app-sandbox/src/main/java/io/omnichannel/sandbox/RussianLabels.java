package io.omnichannel.sandbox;

/**
 * The admin API speaks in constants ({@code ACTIVE}, {@code PRIVATE}); the transcript, read by
 * people, in Russian — with the management line's own words for the states.
 */
final class RussianLabels {
  private RussianLabels() {}

  /** A connection's {@code state}, as the management line's list says it. */
  static String state(String state) {
    return switch (state) {
      case "ACTIVE" -> "активно";
      case "TOKEN_REVOKED" -> "токен бота отозван";
      case "WEBHOOK_FAILING" -> "ошибки получения сообщений";
      case "TARIFF_OPTION_OFF" -> "тарифная опция «Подключение внешних каналов» не активна";
      case "API_ACCOUNT_REJECTED" -> "учетная запись API не принята";
      case "DISCONNECTED" -> "отключено";
      default -> state;
    };
  }

  /** An account's {@code chat_kind}. */
  static String chatKind(String kind) {
    return switch (kind) {
      case "PRIVATE" -> "личный чат";
      case "GROUP" -> "группа";
      default -> kind;
    };
  }
}
