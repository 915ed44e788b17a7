package io.omnichannel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.core.port.out.SendOutcome;
import io.omnichannel.messenger.support.Undeliverable;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** B9: Telegram's refusals to post into a topic, as the Bot API words them. */
class TopicErrorsTest {
  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @CsvSource({
    "Bad Request: TOPIC_CLOSED, closed",
    "Bad Request: message thread not found, deleted",
    "Bad Request: TOPIC_DELETED, deleted"
  })
  void aRefusedTopicIsTyped(String description, String expected) {
    byte[] body =
        ("{\"ok\":false,\"error_code\":400,\"description\":\"" + description + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    assertThat(ApiErrors.decode("sendMessage", 400, body, json))
        .isInstanceOfSatisfying(
            Undeliverable.class,
            refused ->
                assertThat(refused.outcome())
                    .isEqualTo(
                        expected.equals("closed")
                            ? new SendOutcome.TopicClosed()
                            : new SendOutcome.TopicNotFound()));
  }
}
