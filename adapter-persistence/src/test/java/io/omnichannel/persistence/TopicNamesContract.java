package io.omnichannel.persistence;

import static io.omnichannel.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.TopicId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** B9: the topics' latest names, seen by every connection of the same bot in the same company. */
abstract class TopicNamesContract extends DatabaseTest {
  private static final ChatId GROUP = new ChatId("-100123");
  private static final TopicId TEN = new TopicId("10");

  private final Connection connection = Fixtures.connection("company-1", "line-1", "1001");

  TopicNamesContract(TestDatabase database) {
    super(database);
  }

  @BeforeEach
  void storeTheConnection() {
    db.connections().insert(connection);
  }

  @Test
  void theLatestNameOfATopicWins() {
    assertThat(db.topicNames().current(connection.id(), GROUP, TEN)).isEmpty();

    db.topicNames().remember(connection.id(), GROUP, TEN, "Доставка 🚚");
    db.topicNames().remember(connection.id(), GROUP, new TopicId("20"), "Оплата");
    assertThat(db.topicNames().current(connection.id(), GROUP, TEN)).contains("Доставка 🚚");

    db.topicNames().remember(connection.id(), GROUP, TEN, "Возвраты");
    assertThat(db.topicNames().current(connection.id(), GROUP, TEN)).contains("Возвраты");
    assertThat(db.topicNames().current(connection.id(), new ChatId("-100999"), TEN)).isEmpty();
  }

  @Test
  void aReconnectedBotSeesTheNamesItLearntAndAnotherCompanyDoesNot() {
    db.topicNames().remember(connection.id(), GROUP, TEN, "Доставка");
    db.connections().update(connection.disconnected(T0.plusSeconds(30)));
    Connection again = Fixtures.reconnected(connection, "conn-again", "line-2");
    db.connections().insert(again);
    Connection foreign = Fixtures.connection("company-2", "line-9", "1002");
    db.connections().insert(foreign);

    assertThat(db.topicNames().current(again.id(), GROUP, TEN)).contains("Доставка");
    assertThat(db.topicNames().current(foreign.id(), GROUP, TEN)).isEmpty();
  }

  @Test
  void aNameLongerThanTheColumnIsShortened() {
    db.topicNames().remember(connection.id(), GROUP, TEN, "Т".repeat(300));

    assertThat(db.topicNames().current(connection.id(), GROUP, TEN).orElseThrow())
        .hasSize(255)
        .endsWith("…");
  }
}
