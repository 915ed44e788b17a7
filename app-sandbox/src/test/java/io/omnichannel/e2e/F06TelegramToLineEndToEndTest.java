package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.SentMessage;
import io.omnichannel.testkit.telegram.UserSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * F6: Telegram → line — text with the user's name, images ≤ 5 MiB, files ≤ 20 MiB, over-size
 * refused politely.
 */
class F06TelegramToLineEndToEndTest extends EndToEndHarness {
  private static final long MIB = 1L << 20;

  @Test
  void textImagesAndFilesWithinTheLimitsArriveWithCaptions() throws Exception {
    Connected connected = new Connected();
    UserSpec ivan = UserSpec.of(newUserId(), "Иван", "Петров", "ivan");
    String account = connected.firstContact(ivan, "Здравствуйте, у меня вопрос");
    TranscriptEntry text =
        supportLines.awaitText(connected.line, account, "Здравствуйте, у меня вопрос");
    assertThat(text.kind()).isEqualTo(TranscriptEntry.Kind.TEXT);
    assertThat(oneConnect.world().clientUser(account).orElseThrow().name()).contains("Иван");

    connected.user(ivan).sendsPhoto("скриншот ошибки", 5 * MIB);
    TranscriptEntry image =
        supportLines.awaitFromUser(
            connected.line, account, "an image", e -> e.kind() == TranscriptEntry.Kind.IMAGE);
    assertThat(image.file().size()).isEqualTo(5 * MIB);
    assertThat(image.text()).isEqualTo("скриншот ошибки");

    // a photo whose largest size is over the limit goes in the largest size that fits (here
    // 800×600, 4 MiB)
    connected.user(ivan).sendsPhoto("крупное фото", 8 * MIB);
    TranscriptEntry downsized =
        supportLines.awaitFromUser(
            connected.line,
            account,
            "the downsized image",
            e -> e.kind() == TranscriptEntry.Kind.IMAGE && "крупное фото".equals(e.text()));
    assertThat(downsized.file().size()).isEqualTo(4 * MIB);

    connected.user(ivan).sendsDocument("выгрузка.xml", "application/xml", 20 * MIB);
    TranscriptEntry file =
        supportLines.awaitFromUser(
            connected.line, account, "a file", e -> e.kind() == TranscriptEntry.Kind.FILE);
    assertThat(file.file().size()).isEqualTo(20 * MIB);
    assertThat(file.file().name()).isEqualTo("выгрузка.xml");

    assertThat(telegram.sentMessages(connected.bot.token(), ivan.id()))
        .as("no notice for what passed")
        .isEmpty();
  }

  @Test
  void overSizeContentIsNotForwardedTheUserIsToldAndTheLineSeesAPlaceholder() throws Exception {
    Connected connected = new Connected();
    UserSpec ivan = UserSpec.of(newUserId(), "Иван", "Петров", "ivan");
    String account = connected.firstContact(ivan, "сейчас пришлю");

    // every size of this photo is over 5 MiB (the smallest is 1/60 of the largest: 6 MiB)
    connected.user(ivan).sendsPhoto("большое фото", 360 * MIB);
    List<SentMessage> notices = telegram.awaitSent(connected.bot.token(), ivan.id(), 1, WAIT);
    assertThat(notices.get(0).text())
        .contains("не отправлено: его размер 360 МБ, а можно не больше 5 МБ.")
        .contains("Изображения принимаются до 5 МБ, файлы — до 20 МБ.");
    TranscriptEntry imagePlaceholder =
        supportLines.awaitText(connected.line, account, "не передано: больше 5 МБ");
    assertThat(imagePlaceholder.text())
        .startsWith("[Изображение «")
        .contains("пользователю отправлено уведомление]")
        .endsWith("\nбольшое фото");

    connected.user(ivan).sendsDocument("архив.zip", "application/zip", 20 * MIB + 1);
    notices = telegram.awaitSent(connected.bot.token(), ivan.id(), 2, WAIT);
    assertThat(notices.get(1).text())
        .startsWith("Файл «архив.zip» не отправлен:")
        .contains("20,1 МБ")
        .contains("не больше 20 МБ");
    TranscriptEntry filePlaceholder =
        supportLines.awaitText(connected.line, account, "[Файл «архив.zip», 20,1 МБ — не передан:");
    assertThat(filePlaceholder.kind()).isEqualTo(TranscriptEntry.Kind.TEXT);

    // nothing else is lost: the conversation goes on, in order
    connected.user(ivan).sendsText("а текстом можно?");
    supportLines.awaitText(connected.line, account, "а текстом можно?");
    assertThat(supportLines.fromUser(connected.line, account))
        .extracting(TranscriptEntry::text)
        .satisfiesExactly(
            first -> assertThat(first).isEqualTo("сейчас пришлю"),
            second -> assertThat(second).startsWith("[Изображение"),
            third -> assertThat(third).startsWith("[Файл «архив.zip»"),
            fourth -> assertThat(fourth).isEqualTo("а текстом можно?"));
  }
}
