package io.omnichannel.testkit.telegram;

import com.pengrad.telegrambot.TelegramBot;

/** pengrad/java-telegram-bot-api, unchanged but for its base URLs, pointed at the emulator. */
final class PengradClients {
  private PengradClients() {}

  static TelegramBot of(TelegramEmulator emulator, String token) {
    return new TelegramBot.Builder(token)
        .apiUrl(emulator.baseUrl() + "/bot")
        .fileApiUrl(emulator.baseUrl() + "/file/bot")
        .build();
  }
}
