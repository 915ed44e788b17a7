package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.DroppedMessage;
import java.util.List;

/**
 * Messages deliberately not delivered (bans, a disconnected bot, a blocked chat): recorded, never
 * lost silently.
 */
public interface DroppedMessageLog {
  void record(DroppedMessage message);

  List<DroppedMessage> of(ConnectionId connection);
}
