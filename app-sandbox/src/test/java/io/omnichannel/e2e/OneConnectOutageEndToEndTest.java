package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.UserSpec;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * B1 through an outage: 1C-Connect answers 503 to everything for a while (a proxy in front of the
 * emulator), Telegram users keep writing; when it is back, every message arrives, per chat in
 * order, none doubled.
 */
class OneConnectOutageEndToEndTest extends EndToEndHarness {
  private FlakyProxy proxy;

  @Override
  void beforeGateway() throws Exception {
    proxy = new FlakyProxy(URI.create(oneConnect.baseUrl()));
  }

  @Override
  void afterGateway() {
    proxy.close();
  }

  @Override
  URI oneConnectRest() {
    return proxy.baseUrl();
  }

  @Override
  URI oneConnectSoap() {
    return proxy.baseUrl().resolve(URI.create(oneConnect.soapUrl()).getPath());
  }

  @Test
  void messagesWrittenWhileOneConnectIsDownAllArriveAfterItReturnsInOrderNoneDoubled()
      throws Exception {
    Connected connected = new Connected();
    UserSpec ivan = UserSpec.of(newUserId(), "Иван", "Петров", "ivan");
    UserSpec maria = UserSpec.of(newUserId(), "Мария", "Соколова", "maria");
    String ivanAccount = connected.firstContact(ivan, "Иван: до сбоя");
    String mariaAccount = connected.firstContact(maria, "Мария: до сбоя");

    proxy.down();
    List<String> ivanSays = new ArrayList<>(List.of("Иван: до сбоя"));
    List<String> mariaSays = new ArrayList<>(List.of("Мария: до сбоя"));
    for (int i = 1; i <= 6; i++) {
      ivanSays.add("Иван: во время сбоя " + i);
      connected.user(ivan).sendsText(ivanSays.get(i));
      mariaSays.add("Мария: во время сбоя " + i);
      connected.user(maria).sendsText(mariaSays.get(i));
    }
    // a new user during the outage: the account cannot even be registered yet
    UserSpec oleg = UserSpec.of(newUserId(), "Олег", null, null);
    connected.user(oleg).sendsText("Олег: во время сбоя");
    // both chats failed and were retried at least once before 1C-Connect comes back
    proxy.awaitRefused(6, Duration.ofSeconds(30));
    proxy.up();

    supportLines.awaitText(connected.line, ivanAccount, "Иван: во время сбоя 6");
    supportLines.awaitText(connected.line, mariaAccount, "Мария: во время сбоя 6");
    supportLines.awaitReceived("Олег: во время сбоя");
    assertThat(supportLines.fromUser(connected.line, ivanAccount))
        .extracting(TranscriptEntry::text)
        .containsExactlyElementsOf(ivanSays);
    assertThat(supportLines.fromUser(connected.line, mariaAccount))
        .extracting(TranscriptEntry::text)
        .containsExactlyElementsOf(mariaSays);
    String olegAccount = supportLines.accountId(connected.bot, "Олег");
    assertThat(supportLines.fromUser(connected.line, olegAccount))
        .extracting(TranscriptEntry::text)
        .containsExactly("Олег: во время сбоя");
    assertThat(supportLines.usersOf(supportLines.clientOf(connected.bot)))
        .as("one account per user, none doubled by retries")
        .hasSize(3);
    assertThat(gatewayHttp.admin("/admin/dead-letters")).isEmpty();

    // and the other way: the specialist's answer still reaches Telegram
    connected.specialistWrites(ivanAccount, "Спасибо за терпение!");
    assertThat(telegram.awaitSent(connected.bot.token(), ivan.id(), 1, WAIT).get(0).text())
        .isEqualTo("Спасибо за терпение!");
  }
}
