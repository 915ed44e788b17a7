package io.omnichannel.max;

import io.omnichannel.core.domain.BotId;
import io.omnichannel.core.domain.ConnectionId;
import java.util.Objects;

/**
 * A bot's access as this adapter needs it: the connection it receives for, its MAX id (the {@code
 * user_id} of {@code GET /me}) and its token. The token never shows in {@link #toString()}.
 */
record Bot(ConnectionId connection, BotId id, String token) {
  Bot {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(id, "id");
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("a MAX token must not be blank");
    }
  }

  @Override
  public String toString() {
    return "Bot[" + connection + ", " + id + ", token ***]";
  }
}
