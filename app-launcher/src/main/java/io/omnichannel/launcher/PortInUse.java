package io.omnichannel.launcher;

/**
 * The HTTP server's port is taken (another instance, most likely): the start stops before anything
 * outside the process changed.
 */
public final class PortInUse extends RuntimeException {
  private final String host;
  private final int port;

  PortInUse(String host, int port, Throwable cause) {
    super("port " + port + " on " + host + " is already in use", cause);
    this.host = host;
    this.port = port;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }
}
