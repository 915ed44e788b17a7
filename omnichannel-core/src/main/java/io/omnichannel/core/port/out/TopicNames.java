package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.TopicId;
import java.util.Optional;

/**
 * The current names of groups' topics (B9), as the messenger last announced them: a message in a
 * topic names its topic at best as it was created. Like accounts, names are the bot's: a lookup by
 * a connection sees what any connection of the same bot in the same company learnt.
 */
public interface TopicNames {

  /** The topic's latest announced name, if any was. */
  Optional<String> current(ConnectionId connection, ChatId chat, TopicId topic);

  /** Remembers the topic's name from its creation or a rename. */
  void remember(ConnectionId connection, ChatId chat, TopicId topic, String name);
}
