package io.omnichannel.core.fakes;

import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.TopicId;
import io.omnichannel.core.port.out.TopicNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Topic names in memory, the latest remembered winning, seen by every connection of a bot. */
public final class InMemoryTopicNames implements TopicNames {
  private record Named(ConnectionId connection, ChatId chat, TopicId topic, String name) {}

  private final List<Named> names = new ArrayList<>();
  private final SameBot sameBot;

  public InMemoryTopicNames(Function<ConnectionId, Optional<Connection>> connections) {
    this.sameBot = new SameBot(connections);
  }

  @Override
  public synchronized Optional<String> current(
      ConnectionId connection, ChatId chat, TopicId topic) {
    for (int i = names.size() - 1; i >= 0; i--) {
      Named named = names.get(i);
      if (named.chat().equals(chat)
          && named.topic().equals(topic)
          && sameBot(connection, named.connection())) {
        return Optional.of(named.name());
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized void remember(
      ConnectionId connection, ChatId chat, TopicId topic, String name) {
    names.add(new Named(connection, chat, topic, name));
  }

  private boolean sameBot(ConnectionId asked, ConnectionId owner) {
    return sameBot.test(asked, owner);
  }
}
