package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.testkit.oneconnect.Button;
import io.omnichannel.testkit.oneconnect.LinkButton;
import io.omnichannel.testkit.telegram.SentMessage;
import io.omnichannel.testkit.telegram.UserSpec;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * F7: line → Telegram — text, image, file, a digital menu as a reply keyboard, a broadcast's link
 * button.
 */
class F07LineToTelegramEndToEndTest extends EndToEndHarness {

  @Test
  void textImageAndFileReachTheTelegramUser() throws Exception {
    Connected connected = new Connected();
    UserSpec ivan = UserSpec.of(newUserId(), "Иван", "Петров", "ivan");
    String account = connected.firstContact(ivan, "Пришлите счет, пожалуйста");

    connected.specialistWrites(account, "Добрый день! Высылаю счет.");
    BufferedImage picture = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
    picture.setRGB(10, 10, 0xff0000);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(picture, "png", png);
    oneConnect
        .scenario()
        .specialistSendsFile(
            connected.line.id(),
            account,
            connected.tenant.specialist.id(),
            "схема.png",
            "image/png",
            png.toByteArray(),
            "схема проезда");
    byte[] invoice = new byte[3 << 20];
    new Random(7).nextBytes(invoice);
    oneConnect
        .scenario()
        .specialistSendsFile(
            connected.line.id(),
            account,
            connected.tenant.specialist.id(),
            "счет.pdf",
            "application/pdf",
            invoice,
            "счет на оплату");

    List<SentMessage> sent = telegram.awaitSent(connected.bot.token(), ivan.id(), 3, WAIT);
    assertThat(sent.get(0).method()).isEqualTo("sendMessage");
    assertThat(sent.get(0).text()).isEqualTo("Добрый день! Высылаю счет.");
    assertThat(sent.get(1).method()).isEqualTo("sendPhoto");
    assertThat(sent.get(1).text()).isEqualTo("схема проезда");
    assertThat(sent.get(2).method()).isEqualTo("sendDocument");
    assertThat(sent.get(2).text()).isEqualTo("счет на оплату");
    assertThat(sent.get(2).file().fileName()).isEqualTo("счет.pdf");
    assertThat(sent.get(2).file().size()).isEqualTo(invoice.length);
    assertThat(sent.get(2).file().sha256())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(invoice)));
  }

  @Test
  void aDigitalMenuBecomesAReplyKeyboardAndALinkButtonAnInlineUrlButton() throws Exception {
    Connected connected = new Connected();
    UserSpec ivan = UserSpec.of(newUserId(), "Иван", "Петров", "ivan");
    String account = connected.firstContact(ivan, "Меню, пожалуйста");

    oneConnect
        .scenario()
        .specialistSendsMenu(
            connected.line.id(),
            account,
            connected.tenant.specialist.id(),
            "Выберите тему обращения",
            List.of(
                List.of(Button.of("Оплата"), Button.of("Доставка")), List.of(Button.of("Другое"))));
    SentMessage menu = telegram.awaitSent(connected.bot.token(), ivan.id(), 1, WAIT).get(0);
    assertThat(menu.text()).isEqualTo("Выберите тему обращения");
    JsonNode keyboard = JSON.readTree(menu.replyMarkup());
    assertThat(keyboard.has("inline_keyboard")).isFalse();
    assertThat(keyboard.path("keyboard").get(0).get(0).path("text").asText()).isEqualTo("Оплата");
    assertThat(keyboard.path("keyboard").get(0).get(1).path("text").asText()).isEqualTo("Доставка");
    assertThat(keyboard.path("keyboard").get(1).get(0).path("text").asText()).isEqualTo("Другое");

    // F6: the text of a pressed button goes to the line
    connected.user(ivan).sendsText("Доставка");
    supportLines.awaitText(connected.line, account, "Доставка");

    oneConnect
        .scenario()
        .specialistDropsKeyboard(connected.line.id(), account, connected.tenant.specialist.id());
    connected.specialistWrites(account, "Спасибо, уточню по доставке");
    List<SentMessage> afterDrop = telegram.awaitSent(connected.bot.token(), ivan.id(), 3, WAIT);
    assertThat(afterDrop.get(1).text()).isEqualTo("Меню закрыто.");
    assertThat(JSON.readTree(afterDrop.get(1).replyMarkup()).path("remove_keyboard").asBoolean())
        .isTrue();
    assertThat(afterDrop.get(2).text()).isEqualTo("Спасибо, уточню по доставке");

    oneConnect
        .scenario()
        .specialistBroadcasts(
            connected.line.id(),
            account,
            connected.tenant.specialist.id(),
            "Новая акция для клиентов!",
            new LinkButton("Подробнее", "https://example.org/promo"));
    int before = afterDrop.size();
    SentMessage broadcast =
        telegram.awaitSent(connected.bot.token(), ivan.id(), before + 1, WAIT).get(before);
    assertThat(broadcast.text()).contains("Новая акция для клиентов!");
    JsonNode inline = JSON.readTree(broadcast.replyMarkup()).path("inline_keyboard");
    assertThat(inline.get(0).get(0).path("text").asText()).isEqualTo("Подробнее");
    assertThat(inline.get(0).get(0).path("url").asText()).isEqualTo("https://example.org/promo");
  }

  @Test
  void overSizeFilesFromTheLineAreNotSentAndTheSpecialistIsTold() throws Exception {
    Connected connected = new Connected();
    UserSpec ivan = UserSpec.of(newUserId(), "Иван", "Петров", "ivan");
    String account = connected.firstContact(ivan, "Пришлите большие файлы");

    oneConnect
        .scenario()
        .specialistSendsFile(
            connected.line.id(),
            account,
            connected.tenant.specialist.id(),
            "план.png",
            "image/png",
            new byte[(10 << 20) + 1],
            null);
    oneConnect
        .scenario()
        .specialistSendsFile(
            connected.line.id(),
            account,
            connected.tenant.specialist.id(),
            "база.zip",
            "application/zip",
            new byte[(50 << 20) + 1],
            null);
    connected.specialistWrites(account, "Большие файлы не прошли, пришлю ссылкой");

    SentMessage only = telegram.awaitSent(connected.bot.token(), ivan.id(), 1, WAIT).get(0);
    assertThat(only.text()).isEqualTo("Большие файлы не прошли, пришлю ссылкой");
    assertThat(oneConnect.inspection().transcript(connected.line.id(), account))
        .anySatisfy(
            entry ->
                assertThat(entry.text())
                    .startsWith(
                        "⚠️ Сообщение шлюза: изображение «план.png» (10,1 МБ) не отправлено"));
    assertThat(oneConnect.inspection().transcript(connected.line.id(), account))
        .anySatisfy(
            entry ->
                assertThat(entry.text())
                    .startsWith("⚠️ Сообщение шлюза: файл «база.zip» (50,1 МБ) не отправлен в"));
    assertThat(telegram.sentMessages(connected.bot.token(), ivan.id())).hasSize(1);
  }
}
