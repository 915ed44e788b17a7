package io.omnichannel.messenger.support;

import io.omnichannel.core.domain.ConnectionId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * One bot as the polling loop sees it: the connection it receives for, a name for the log, how to
 * ask its messenger for updates, and how to clean a text of its token before it is logged.
 */
public record PolledBot(
    ConnectionId connection, String name, Feed feed, UnaryOperator<String> redaction) {
  public PolledBot {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(feed, "feed");
    Objects.requireNonNull(redaction, "redaction");
  }

  /** The messenger's long poll. */
  @FunctionalInterface
  public interface Feed {
    /**
     * Asks for the updates after {@code cursor} (empty: wherever the messenger starts), waiting up
     * to {@code waitSeconds}; sending a cursor confirms what came before it. Cancelling the future
     * aborts the call. It fails with the core's channel failures.
     */
    CompletableFuture<Answer> poll(OptionalLong cursor, int waitSeconds);
  }

  /**
   * One long poll's updates, and the cursor that confirms all of them (empty when each update
   * carries its own).
   */
  public record Answer(List<Update> updates, OptionalLong cursor) {
    public Answer {
      updates = List.copyOf(updates);
      Objects.requireNonNull(cursor, "cursor");
    }
  }

  /**
   * One update as received.
   *
   * @param sourceId its key for the inbox; empty for one that is no update of the messenger
   *     (skipped, never stored)
   * @param next the cursor that confirms it and what came before (empty: only the answer's)
   */
  public record Update(
      Optional<String> sourceId, String chatKey, String payload, OptionalLong next) {
    public Update {
      Objects.requireNonNull(sourceId, "sourceId");
      Objects.requireNonNull(next, "next");
    }
  }
}
