package io.omnichannel.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy in front of a server (MariaDB) that a test can cut: {@link #cut()} closes
 * every connection through it and refuses new ones, as a network outage or a database restart
 * would, until {@link #restore()}.
 */
final class CuttableTcpProxy implements AutoCloseable {
  private final InetSocketAddress upstream;
  private final ServerSocket server;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean down;

  CuttableTcpProxy(String host, int port) throws IOException {
    this(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), host, port);
  }

  /**
   * A proxy accepting on {@code server}: with an {@link javax.net.ssl.SSLServerSocket} it ends TLS
   * in front of a plain-HTTP server.
   */
  CuttableTcpProxy(ServerSocket server, String host, int port) {
    this.upstream = new InetSocketAddress(host, port);
    this.server = server;
    Thread acceptor = new Thread(this::accept, "tcp-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Every connection through the proxy drops; new ones are refused until {@link #restore()}. */
  void cut() {
    down = true;
    open.forEach(CuttableTcpProxy::closeQuietly);
    open.clear();
  }

  void restore() {
    down = false;
  }

  @Override
  public void close() {
    cut();
    closeQuietly(server);
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException closed) {
        return;
      }
      if (down) {
        closeQuietly(client);
        continue;
      }
      try {
        Socket target = new Socket(upstream.getAddress(), upstream.getPort());
        open.add(client);
        open.add(target);
        if (down) { // cut while this one was being connected
          closeQuietly(client);
          closeQuietly(target);
          continue;
        }
        pump(client, target);
        pump(target, client);
      } catch (IOException unreachable) {
        closeQuietly(client);
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException dropped) {
                // cut, or one side closed: the other side goes too
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            },
            "tcp-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // already closed
    }
  }
}
