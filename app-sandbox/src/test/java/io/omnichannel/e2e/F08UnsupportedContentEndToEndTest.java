package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.testkit.oneconnect.ClientUser;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.SentMessage;
import io.omnichannel.testkit.telegram.UserSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * F8: voice messages and video notes get a polite notice; the specialist sees a placeholder; no
 * phone goes.
 */
class F08UnsupportedContentEndToEndTest extends EndToEndHarness {

  @Test
  void voiceAndVideoNotesAreRefusedPolitelyWithAPlaceholderInTheLine() throws Exception {
    Connected connected = new Connected();
    UserSpec ivan = UserSpec.of(newUserId(), "Иван", "Петров", "ivan");
    String account = connected.firstContact(ivan, "Сейчас скажу голосом");

    connected.user(ivan).sendsVoice(7, 40_000);
    List<SentMessage> notices = telegram.awaitSent(connected.bot.token(), ivan.id(), 1, WAIT);
    assertThat(notices.get(0).text())
        .isEqualTo(
            "Голосовое сообщение не поддерживается. Пожалуйста, напишите сообщение текстом или отправьте файл.");
    TranscriptEntry voice = supportLines.awaitText(connected.line, account, "[Голосовое сообщение");
    assertThat(voice.text())
        .isEqualTo(
            "[Голосовое сообщение — не поддерживается, пользователю отправлено уведомление]");

    connected.user(ivan).sendsVideoNote(5, 300_000);
    notices = telegram.awaitSent(connected.bot.token(), ivan.id(), 2, WAIT);
    assertThat(notices.get(1).text())
        .isEqualTo(
            "Видеосообщение не поддерживается. Пожалуйста, напишите сообщение текстом или отправьте файл.");
    TranscriptEntry videoNote = supportLines.awaitText(connected.line, account, "[Видеосообщение");
    assertThat(videoNote.text())
        .isEqualTo("[Видеосообщение — не поддерживается, пользователю отправлено уведомление]");
    assertThat(supportLines.fromUser(connected.line, account)).noneMatch(e -> e.file() != null);

    ClientUser user = oneConnect.world().clientUser(account).orElseThrow();
    assertThat(user.phone()).as("the phone is never transmitted").isNull();
  }
}
