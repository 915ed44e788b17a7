package io.omnichannel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.ChannelEvent.ChannelMessage;
import io.omnichannel.core.domain.ChannelEvent.Ignored;
import io.omnichannel.core.domain.ChannelEvent.TopicNamed;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.TopicId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** B9: forum topic messages and service messages (src/test/resources/updates/forum_*). */
class ForumTopicDecodingTest {
  private static final ChatId FORUM = new ChatId("-1001000004242");
  private static final TopicId DELIVERY = new TopicId("77");

  private final UpdateDecoder decoder = new UpdateDecoder(new ObjectMapper());

  private ChannelEvent decode(String fixture) {
    try (InputStream in = getClass().getResourceAsStream("/updates/" + fixture + ".json")) {
      return decoder.decode(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aMessageInATopicNamesItsTopicAndTheNameItWasCreatedWithButNoReplyQuote() {
    ChannelMessage message = (ChannelMessage) decode("forum_topic_text");

    assertThat(message.chat()).isEqualTo(FORUM);
    assertThat(message.topic()).contains(DELIVERY);
    assertThat(message.topicName()).contains("Delivery");
    assertThat(message.context().replyQuote()).isEmpty();
  }

  @Test
  void aReplyInATopicQuotesTheMessageItAnswersAndTellsNoName() {
    ChannelMessage message = (ChannelMessage) decode("forum_topic_reply");

    assertThat(message.topic()).contains(DELIVERY);
    assertThat(message.topicName()).isEmpty();
    assertThat(message.context().replyQuote()).contains("in the topic");
  }

  @Test
  void aReplyInTheGeneralTopicCarriesAThreadIdThatIsNoTopic() {
    ChannelMessage message = (ChannelMessage) decode("forum_general_reply");

    assertThat(message.topic()).isEmpty();
    assertThat(message.topicName()).isEmpty();
  }

  @Test
  void aCreatedOrRenamedTopicNamesTheTopic() {
    assertThat(decode("forum_topic_created"))
        .isEqualTo(new TopicNamed(FORUM, DELIVERY, "Delivery"));
    assertThat(decode("forum_topic_edited")).isEqualTo(new TopicNamed(FORUM, DELIVERY, "Returns"));
  }

  @Test
  void closingReopeningAndANewIconAreOnlyCounted() {
    assertThat(decode("forum_topic_closed")).isEqualTo(new Ignored("forum_topic_closed"));
    assertThat(decode("forum_topic_reopened")).isEqualTo(new Ignored("forum_topic_reopened"));
    assertThat(decode("forum_topic_icon_edited")).isEqualTo(new Ignored("forum_topic_edited"));
    assertThat(decoder.ignoredCount()).isEqualTo(3);
  }

  @Test
  void anOverlongTopicNameIsCutToTelegramsLimit() {
    String update =
        """
        {"update_id":1,"message":{"message_id":5,"message_thread_id":5,"is_topic_message":true,
         "chat":{"id":-1001,"title":"T","type":"supergroup","is_forum":true},"date":1,
         "forum_topic_created":{"name":"%s","icon_color":1}}}
        """
            .formatted("я".repeat(300));

    TopicNamed named = (TopicNamed) decoder.decode(update);
    assertThat(named.name()).hasSize(ForumTopicMessages.NAME_MAX);
    assertThat(named.topic()).isEqualTo(new TopicId("5"));
    assertThat(Optional.of(named.chat())).contains(new ChatId("-1001"));
  }
}
