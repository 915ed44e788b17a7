package io.omnichannel.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

/** What the whole story's transcript shows, as a newcomer reads it (B6). */
final class WholeStory {
  private WholeStory() {}

  static void assertTranscript(String transcript) {
    assertThat(transcript)
        .contains("[ 1/34] ")
        .contains("Специалист → Управление каналами: Здравствуйте!")
        .contains("Выберите канал, которым хотите управлять.\n            [Telegram]")
        .contains("Управление каналами → Специалист: Telegram: выберите действие.")
        .contains(
            "[Подключить Telegram-бот] [Отключить Telegram-бот] [Показать линии с Telegram-бот]")
        .contains("Страница 2 из 2.")
        .contains("Telegram-бот @romashka_support_bot подключен к линии «Поддержка».")
        .contains("Telegram @ivan_petrov → бот: Здравствуйте! После оплаты не пришёл чек.")
        .contains("Линия «Поддержка» ← Иван Петров: Здравствуйте! После оплаты не пришёл чек.")
        .contains("бот → Telegram @ivan_petrov: Голосовое сообщение не поддерживается.")
        .contains("[Голосовое сообщение — не поддерживается, пользователю отправлено уведомление]")
        .contains(
            "Линия «Поддержка» ← группа «Ромашка: бухгалтерия клиента»: Ольга Смирнова: Добрый день!")
        .contains("Пётр Сидоров: Номер заказа — 4711.")
        .contains("клавиатура: [Отлично] [Хорошо] [Плохо]")
        .contains("recorded as dropped")
        .contains("пользователь заблокировал бота @romashka_support_bot")
        .contains("состояние: активно")
        .contains("Иван Петров (@ivan_petrov), личный чат, линия отключена (бан)")
        .contains("Мария Соколова (@maria_sokolova), личный чат, бот заблокирован")
        .contains("Ромашка: бухгалтерия клиента, группа")
        .contains("Линия «Поддержка» ← Иван Петров: Теперь получилось? Чек так и не пришёл.")
        .contains("Линии с Telegram-ботами:")
        .contains("Telegram-бот @romashka_support_bot отключен от линии «Поддержка».")
        .contains("MAX-бот @romashka_max_bot подключен к линии «Кадры».")
        .contains("Выберите канал, которым хотите управлять.\n            [Telegram] [MAX]")
        .contains("бот → MAX Ольга Орлова: Здравствуйте, Ольга! Справка будет готова завтра.")
        .contains("Sandbox passed: 34/34 steps passed in ")
        .containsPattern(
            "relayed Telegram → 1C-Connect: \\d+, 1C-Connect → Telegram: \\d+; dropped: [1-9]")
        .doesNotContain("ACTIVE")
        .doesNotContain("PRIVATE")
        .doesNotContain("GROUP")
        .doesNotContain("SPECIALISTS_ONLY");
    assertThat(transcript)
        .as("one size convention: the same photo reads the same on both sides")
        .contains("[фото, 180 КБ] Скриншот ошибки")
        .contains("[изображение «photo_AgAD1004.jpg», 180 КБ] Скриншот ошибки")
        .doesNotContain("176 КБ");
    assertThat(transcript)
        .as("the error paths")
        .contains("Специалист → Управление каналами: 123456:это-не-токен")
        .contains("Это не похоже на токен бота.")
        .contains("Страница ← 422: «Подключение Telegram-бота» Неверный логин или пароль")
        .contains("Эта учетная запись API уже используется ботом @romashka_support_bot.")
        .contains(
            "Обратите внимание: эта учетная запись API уже используется ботом"
                + " @romashka_support_bot.")
        .contains("Компания уже подключила 5 Telegram-ботов — это максимум.")
        .contains(
            "Для работы с каналом Telegram нужна активная тарифная опция «Подключение внешних"
                + " каналов».");
  }
}
