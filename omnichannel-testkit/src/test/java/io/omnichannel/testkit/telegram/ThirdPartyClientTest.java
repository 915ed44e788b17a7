package io.omnichannel.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.pengrad.telegrambot.TelegramBot;
import com.pengrad.telegrambot.model.PhotoSize;
import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.model.request.InlineKeyboardButton;
import com.pengrad.telegrambot.model.request.InlineKeyboardMarkup;
import com.pengrad.telegrambot.request.GetFile;
import com.pengrad.telegrambot.request.GetMe;
import com.pengrad.telegrambot.request.GetUpdates;
import com.pengrad.telegrambot.request.SendMessage;
import com.pengrad.telegrambot.request.SendPhoto;
import com.pengrad.telegrambot.response.GetFileResponse;
import com.pengrad.telegrambot.response.GetMeResponse;
import com.pengrad.telegrambot.response.SendResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** pengrad/java-telegram-bot-api, unchanged but for its base URLs, works against the emulator. */
class ThirdPartyClientTest extends EmulatorTest {
  private TelegramBot client;

  @BeforeEach
  void connectClient() {
    client = PengradClients.of(emulator, token);
  }

  @AfterEach
  void closeClient() {
    client.shutdown();
  }

  @Test
  void getMeGetUpdatesAndSendMessageWithInlineKeyboard() {
    GetMeResponse me = client.execute(new GetMe());
    assertThat(me.isOk()).isTrue();
    assertThat(me.user().username()).isEqualTo("support_test_bot");
    assertThat(me.user().isBot()).isTrue();

    emulator.bot(token).user(ALICE).sendsText("hello from Alice");
    List<Update> updates = client.execute(new GetUpdates().limit(10).timeout(0)).updates();
    assertThat(updates).hasSize(1);
    assertThat(updates.get(0).message().text()).isEqualTo("hello from Alice");
    assertThat(updates.get(0).message().from().firstName()).isEqualTo("Alice");

    SendResponse sent =
        client.execute(
            new SendMessage(ALICE.id(), "Open the site")
                .replyMarkup(
                    new InlineKeyboardMarkup(
                        new InlineKeyboardButton("Site").url("https://example.org"))));
    assertThat(sent.isOk()).isTrue();
    assertThat(sent.message().text()).isEqualTo("Open the site");
    assertThat(emulator.sentMessages(token, ALICE.id()).get(0).replyMarkup())
        .contains("https://example.org");
  }

  @Test
  void multipartPhotoUploadAndFileDownload() throws Exception {
    emulator.bot(token).user(ALICE).sendsText("hi");
    byte[] photo = "fake image bytes".getBytes(StandardCharsets.UTF_8);

    SendResponse sent = client.execute(new SendPhoto(ALICE.id(), photo).caption("receipt"));

    assertThat(sent.isOk()).isTrue();
    PhotoSize[] sizes = sent.message().photo();
    GetFileResponse file = client.execute(new GetFile(sizes[sizes.length - 1].fileId()));
    assertThat(client.getFileContent(file.file())).isEqualTo(photo);
    assertThat(emulator.sentMessages(token, ALICE.id()).get(0).file().sha256())
        .isEqualTo(Sha256.hex(photo));
  }

  @Test
  void errorsCarryCodeDescriptionAndParameters() {
    SendResponse notFound = client.execute(new SendMessage(123L, "to nobody"));

    assertThat(notFound.isOk()).isFalse();
    assertThat(notFound.errorCode()).isEqualTo(400);
    assertThat(notFound.description()).isEqualTo("Bad Request: chat not found");

    GroupScenario team = emulator.bot(token).group(GroupSpec.of(-4_300_000L, "Team"));
    team.addsBotAsMember(ALICE);
    long supergroup = team.migrateToSupergroup(ALICE).chatId();
    SendResponse migrated = client.execute(new SendMessage(-4_300_000L, "old id"));
    assertThat(migrated.parameters().migrateToChatId()).isEqualTo(supergroup);
  }
}
