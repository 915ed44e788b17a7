package io.omnichannel.sandbox.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Everything here runs on 127.0.0.1; a gateway needs its port before it starts. */
public final class Loopback {
  private Loopback() {}

  /** A port free on loopback right now (the OS's choice). */
  public static int freePort() {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    } catch (IOException failed) {
      throw new UncheckedIOException("no free port on loopback", failed);
    }
  }
}
