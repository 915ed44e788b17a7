package io.omnichannel.core.port.in;

/**
 * One step of a durable queue's worker; the launcher calls it in a loop from its worker threads.
 */
public interface QueueWorker {
  /**
   * Claims and handles one due row; false when there was none, so the caller may wait before asking
   * again.
   */
  boolean processNext();

  /**
   * Keeps the rows in hand held: renews the lease of each row held for a while (a slow call, a
   * storage outage), so no other worker takes it. Rows handled quickly are never renewed. The
   * launcher calls it every few seconds, a fraction of the lease.
   */
  default void renewLeases() {}
}
