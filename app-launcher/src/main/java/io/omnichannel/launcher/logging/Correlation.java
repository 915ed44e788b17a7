package io.omnichannel.launcher.logging;

/**
 * The MDC keys that tie a log line to the work it is about; the adapters put the same names (they
 * cannot see this class, so the keys are plain strings there too). Values are ids, never content or
 * secrets.
 */
public final class Correlation {
  /** The gateway's connection id (a bot and a line). */
  public static final String CONNECTION = "connection";

  /** Telegram's {@code update_id}. */
  public static final String UPDATE_ID = "update_id";

  /** 1C-Connect's {@code message_id} of a line event. */
  public static final String LINE_MESSAGE_ID = "line_message_id";

  /** The queue a worker works on: {@code inbox} or {@code outbox}. */
  public static final String QUEUE = "queue";

  /** The id of the queue row a worker holds. */
  public static final String QUEUE_ROW = "queue_row";

  private Correlation() {}
}
