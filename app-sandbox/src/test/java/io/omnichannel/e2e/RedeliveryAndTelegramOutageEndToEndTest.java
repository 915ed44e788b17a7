package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.testkit.oneconnect.HookEvent;
import io.omnichannel.testkit.oneconnect.HookRegistration;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.SentMessage;
import io.omnichannel.testkit.telegram.UserSpec;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * B1 on the line's side: 1C-Connect posting the same event twice leads to one message in Telegram;
 * Telegram down for a while (every Bot API call failing) → the specialist's answers and the user's
 * messages all arrive afterwards, in order, none doubled.
 */
class RedeliveryAndTelegramOutageEndToEndTest extends EndToEndHarness {

  @Test
  void aLineEventPostedTwiceIsSentToTelegramOnce() throws Exception {
    Connected connected = new Connected();
    UserSpec ivan = UserSpec.of(newUserId(), "Иван", "Петров", null);
    String account = connected.firstContact(ivan, "вопрос");
    HookEvent answer = connected.specialistWrites(account, "ответ один раз");
    telegram.awaitSent(connected.bot.token(), ivan.id(), 1, WAIT);
    double duplicatesBefore = gatewayHttp.metric("omnichannel_inbound_duplicates_total");

    HookRegistration hook =
        oneConnect.world().hooks().stream()
            .filter(h -> connected.line.id().equals(h.lineId()) && h.url().contains("/hooks/"))
            .findFirst()
            .orElseThrow();
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("line_id", answer.lineId());
    event.put("user_id", answer.userId());
    event.put("message_id", answer.messageId());
    event.put("message_type", answer.messageType());
    event.put("author_id", answer.authorId());
    event.put("message_time", answer.messageTime().toString());
    event.put("text", answer.text());
    event.put("data", answer.data() == null ? Map.of() : answer.data());
    String credentials =
        Base64.getEncoder()
            .encodeToString(
                (hook.backAuth().login() + ":" + hook.backAuth().password())
                    .getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> again =
          http.send(
              HttpRequest.newBuilder(URI.create(hook.url()))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Basic " + credentials)
                  .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(event)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    }
    assertThat(gatewayHttp.metric("omnichannel_inbound_duplicates_total"))
        .isGreaterThanOrEqualTo(duplicatesBefore + 2);

    connected.specialistWrites(account, "следующий ответ");
    List<SentMessage> sent = telegram.awaitSent(connected.bot.token(), ivan.id(), 2, WAIT);
    assertThat(sent)
        .extracting(SentMessage::text)
        .containsExactly("ответ один раз", "следующий ответ");
  }

  @Test
  void whileTelegramIsDownNothingIsLostAndAfterwardsAllArriveInOrderOnce() throws Exception {
    Connected connected = new Connected();
    UserSpec ivan = UserSpec.of(newUserId(), "Иван", "Петров", null);
    String account = connected.firstContact(ivan, "до сбоя Telegram");

    telegram.failAll(502, "Bad Gateway", Duration.ofSeconds(3));
    List<String> answers = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      answers.add("ответ во время сбоя " + i);
      connected.specialistWrites(account, answers.get(i - 1));
    }
    connected.user(ivan).sendsText("пишу во время сбоя");

    supportLines.awaitText(connected.line, account, "пишу во время сбоя");
    List<SentMessage> sent = telegram.awaitSent(connected.bot.token(), ivan.id(), 5, WAIT);
    assertThat(sent).extracting(SentMessage::text).containsExactlyElementsOf(answers);
    connected.specialistWrites(account, "после сбоя");
    assertThat(telegram.awaitSent(connected.bot.token(), ivan.id(), 6, WAIT))
        .extracting(SentMessage::text)
        .endsWith("после сбоя")
        .hasSize(6);
    assertThat(supportLines.fromUser(connected.line, account))
        .extracting(TranscriptEntry::text)
        .containsExactly("до сбоя Telegram", "пишу во время сбоя");
  }
}
