package io.omnichannel.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The sandbox runs in-process to its summary, as a newcomer runs it (B6). */
class SandboxTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private CommandLine sandbox() {
    CommandLine commandLine = SandboxCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine;
  }

  @Test
  void theWholeStoryRunsToItsSummary() {
    int code = sandbox().execute();

    String transcript = out.toString();
    assertThat(code).as("exit code; stderr: %s%nstdout:%n%s", err, transcript).isZero();
    assertThat(transcript)
        .contains("[ 1/23] ")
        .contains("Специалист → Управление каналами: Telegram")
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
        .contains("Иван Петров (@ivan_petrov), PRIVATE, линия отключена (бан)")
        .contains("Мария Соколова (@maria_sokolova), PRIVATE, бот заблокирован")
        .contains("Линии с Telegram-ботами:")
        .contains("Telegram-бот @romashka_support_bot отключен от линии «Поддержка».")
        .contains("Sandbox passed: 23/23 steps passed in ")
        .containsPattern(
            "relayed Telegram → 1C-Connect: \\d+, 1C-Connect → Telegram: \\d+; dropped: [1-9]");
    assertThat(err.toString()).doesNotContain("FAILED");
  }

  @Test
  void helpDescribesTheSandbox() {
    assertThat(sandbox().execute("--help")).isZero();
    assertThat(out.toString())
        .contains("omnichannel-sandbox")
        .contains("--keep-running")
        .contains("--verbose")
        .contains("Exit code 0");
  }

  @Test
  void printsItsVersion() {
    assertThat(sandbox().execute("--version")).isZero();
    assertThat(out.toString()).matches("omnichannel-sandbox \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\s*");
  }

  @Test
  void aStepThatMissesItsOutcomeFailsTheRunNamingIt() {
    CommandLine commandLine = sandbox();
    SandboxCommand command = commandLine.getCommand();
    command.confirmationPassword = "not-the-password";

    int code = commandLine.execute("--step-timeout", "5");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .contains("Sandbox FAILED at step 7/23 «Submit the API account on the confirmation page»")
        .contains("expected the page and the management line saying «подключен»");
    assertThat(out.toString())
        .contains("✗ not met: HTTP 200 saying the bot is «подключен к линии», got HTTP 422")
        .contains("Sandbox FAILED: 6/23 steps passed");
  }
}
