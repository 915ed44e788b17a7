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
}
