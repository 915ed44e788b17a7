package io.omnichannel.core.port.in;

/**
 * F5: refreshes every active connection's state from real checks; the launcher runs it
 * periodically.
 */
public interface ConnectionMonitor {
  /** Probes each connection once; returns how many changed state. */
  int refresh();
}
