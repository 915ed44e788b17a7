package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.omnichannel.sandbox.scenario.Await;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.oneconnect.TranscriptEntry.Kind;
import io.omnichannel.testkit.telegram.GroupScenario;
import io.omnichannel.testkit.telegram.SentMessage;
import io.omnichannel.testkit.telegram.UserSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * B7: what Telegram users send beyond text and files — edits, replies, albums, stickers, locations,
 * contacts — reaches the line in a form a specialist reads, and the answers go back.
 */
class RichContentEndToEndTest extends EndToEndHarness {

  @Test
  void anEditAndAReplyToTheSpecialistArriveMarkedAndTheAnswerGoesBack() {
    Connected connected = new Connected();
    UserSpec ivan = UserSpec.of(newUserId(), "Иван", "Петров", "ivan");
    long orderMessage = connected.user(ivan).sendsText("Заказ 15 не пришёл").messageId();
    String account = supportLines.awaitNewUser(connected.line, "Заказ 15 не пришёл");

    connected.user(ivan).editsMessage(orderMessage, "Заказ 16 не пришёл");
    TranscriptEntry edited = supportLines.awaitText(connected.line, account, "Заказ 16 не пришёл");
    assertThat(edited.text()).isEqualTo("✏️ Изменено: Заказ 16 не пришёл");

    connected.specialistWrites(account, "Уточните, пожалуйста, адрес доставки\nи телефон");
    SentMessage question = telegram.awaitSent(connected.bot.token(), ivan.id(), 1, WAIT).get(0);
    connected.user(ivan).repliesTo(question.messageId(), "Москва, Тверская 1");
    TranscriptEntry reply = supportLines.awaitText(connected.line, account, "Тверская 1");
    assertThat(reply.text())
        .isEqualTo("↩️ В ответ на «Уточните, пожалуйста, адрес доставки»\nМосква, Тверская 1");

    connected.specialistWrites(account, "Спасибо, передали курьеру");
    assertThat(telegram.awaitSent(connected.bot.token(), ivan.id(), 2, WAIT).get(1).text())
        .isEqualTo("Спасибо, передали курьеру");
    assertThat(supportLines.usersOf(supportLines.clientOf(connected.bot)))
        .as("an edit and a reply stay with the user's account")
        .hasSize(1);
  }

  @Test
  void anAlbumAStickerALocationAndAContactArriveReadableAndTheAnswerGoesBack() {
    Connected connected = new Connected();
    UserSpec anna = UserSpec.of(newUserId(), "Анна", "Смирнова", "anna");
    String account = connected.firstContact(anna, "Пришлю фотографии брака");

    connected.user(anna).sendsMediaGroup("Три фото брака", 1, 3);
    List<TranscriptEntry> album = awaitEntries(connected, account, 4, "the album's three photos");
    assertThat(album.subList(1, 4))
        .as("the album gathered: its photos in order, one header and the caption on the first")
        .extracting(TranscriptEntry::kind, TranscriptEntry::text)
        .containsExactly(
            tuple(Kind.IMAGE, "Альбом: 3 фото\nТри фото брака"),
            tuple(Kind.IMAGE, null),
            tuple(Kind.IMAGE, null));
    assertThat(album.subList(1, 4))
        .extracting(entry -> entry.file().name())
        .doesNotHaveDuplicates()
        .allSatisfy(name -> assertThat(name).endsWith(".jpg"));

    connected.user(anna).sendsSticker("👍");
    TranscriptEntry sticker =
        supportLines.awaitFromUser(
            connected.line,
            account,
            "the sticker",
            entry -> entry.kind() == Kind.IMAGE && entry.file().name().endsWith(".webp"));
    assertThat(sticker.text()).isEqualTo("👍");
    assertThat(sticker.file().mime()).isEqualTo("image/webp");

    connected.user(anna).sendsLocation(55.751244, 37.618423);
    assertThat(supportLines.awaitText(connected.line, account, "Геопозиция").text())
        .isEqualTo(
            "📍 Геопозиция: 55.751244, 37.618423 https://yandex.ru/maps/?pt=37.618423,55.751244&z=16");

    connected.user(anna).sendsContact("+79001234567", "Пётр");
    assertThat(supportLines.awaitText(connected.line, account, "Контакт").text())
        .isEqualTo("👤 Контакт: Пётр, +79001234567");

    connected.specialistWrites(account, "Получили всё, оформляем возврат");
    assertThat(telegram.awaitSent(connected.bot.token(), anna.id(), 1, WAIT).get(0).text())
        .isEqualTo("Получили всё, оформляем возврат");
    assertThat(supportLines.fromUser(connected.line, account))
        .as("the first text, three photos, the sticker, the location, the contact; nothing else")
        .hasSize(7);
  }

  @Test
  void inAGroupEditsRepliesAndLocationsCarryTheMembersName() {
    Connected connected = new Connected();
    UserSpec olga = UserSpec.of(newUserId(), "Ольга", "Кузнецова", "olga");
    GroupScenario group = connected.groupWithBot("Склад №3", olga);
    long groupId = group.chatId();

    long first = group.member(olga).sendsText("Паллета повреждена").messageId();
    String account =
        supportLines.awaitNewUser(connected.line, "Ольга Кузнецова: Паллета повреждена");
    group.member(olga).editsMessage(first, "Две паллеты повреждены");
    supportLines.awaitText(
        connected.line, account, "Ольга Кузнецова: ✏️ Изменено: Две паллеты повреждены");

    connected.specialistWrites(account, "Пришлите, где стоит машина");
    SentMessage question = telegram.awaitSent(connected.bot.token(), groupId, 1, WAIT).get(0);
    group.member(olga).repliesTo(question.messageId(), "У ворот 2");
    supportLines.awaitText(
        connected.line,
        account,
        "Ольга Кузнецова: ↩️ В ответ на «Пришлите, где стоит машина»\nУ ворот 2");
    group.member(olga).sendsLocation(59.93863, 30.31413);
    supportLines.awaitText(
        connected.line, account, "Ольга Кузнецова: 📍 Геопозиция: 59.938630, 30.314130");

    connected.specialistWrites(account, "Едем");
    assertThat(telegram.awaitSent(connected.bot.token(), groupId, 2, WAIT).get(1).text())
        .isEqualTo("Едем");
    assertThat(supportLines.usersOf(supportLines.clientOf(connected.bot))).hasSize(1);
  }

  /** The first {@code count} entries the account posted, once there are that many. */
  private List<TranscriptEntry> awaitEntries(
      Connected connected, String account, int count, String what) {
    return Await.until(
        () ->
            Optional.of(supportLines.fromUser(connected.line, account))
                .filter(entries -> entries.size() >= count)
                .map(entries -> entries.subList(0, count)),
        WAIT,
        what);
  }
}
