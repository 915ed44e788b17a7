package io.omnichannel.launcher.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 written by hand on a socket, so a test can send what no HTTP client would (lying
 * lengths, broken chunks, bytes that are not UTF-8) and see the answer's status even when the
 * server answers before the request is complete.
 */
final class RawHttp {
  /** The answer's status line and headers; status 0 when the server closed without answering. */
  record Answer(int status, String head) {}

  /** What a streamed request got: the answer, and how long after the head it came. */
  record Streamed(Answer answer, long millis) {}

  private static final int TIMEOUT_MILLIS = 15_000;
  private final int port;

  RawHttp(int port) {
    this.port = port;
  }

  /**
   * Sends the bytes as they are, then closes the sending side (a body shorter than it claims ends
   * there), and reads the answer.
   */
  Answer exchange(byte[] request) throws IOException {
    try (Socket socket = open()) {
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
        socket.shutdownOutput();
      } catch (IOException answeredEarly) {
        // the server may answer and close before it took everything: the answer still counts
      }
      return read(socket.getInputStream());
    }
  }

  /**
   * Sends {@code head} (ending with the blank line) and the first bytes of a body that never comes
   * whole, and waits for the answer: a server that reads the body first never answers. (Jetty calls
   * the application once the first body bytes arrive.)
   */
  Answer withBodyStart(String head, String bodyStart, int waitMillis) throws IOException {
    try (Socket socket = open()) {
      socket.setSoTimeout(waitMillis);
      socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().write(bodyStart.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      try {
        return read(socket.getInputStream());
      } catch (SocketTimeoutException stillWaiting) {
        return new Answer(-1, "no answer within " + waitMillis + " ms");
      }
    }
  }

  /**
   * Sends {@code head} (with {@code Transfer-Encoding: chunked}, ending with the blank line), then
   * up to {@code total} bytes in chunks of {@code chunk} from another thread, while this one waits
   * for the answer; stops sending when the answer comes or the server closes.
   */
  Streamed streamChunked(String head, byte[] chunk, long total) throws Exception {
    try (Socket socket = open()) {
      socket.setSoTimeout(120_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      AtomicLong sent = new AtomicLong();
      byte[] size =
          (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      byte[] end = "\r\n".getBytes(StandardCharsets.US_ASCII);
      Thread writer =
          new Thread(
              () -> {
                try {
                  while (sent.get() < total) {
                    out.write(size);
                    out.write(chunk);
                    out.write(end);
                    sent.addAndGet(chunk.length);
                  }
                  out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                } catch (IOException closed) {
                  // the server answered and closed: exactly what it should do
                }
              },
              "hostile-chunk-writer");
      writer.setDaemon(true);
      writer.start();
      long started = System.nanoTime();
      Answer answer;
      try {
        answer = read(socket.getInputStream());
      } finally {
        socket.close();
        writer.join(10_000);
      }
      return new Streamed(answer, (System.nanoTime() - started) / 1_000_000);
    }
  }

  private Socket open() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(TIMEOUT_MILLIS);
    return socket;
  }

  /** Reads up to the end of the answer's head (the body does not matter here). */
  private static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (true) {
      head.reset();
      int matched = 0;
      byte[] terminator = {'\r', '\n', '\r', '\n'};
      int next;
      while (matched < 4 && (next = in.read()) >= 0) {
        head.write(next);
        matched = next == terminator[matched] ? matched + 1 : (next == '\r' ? 1 : 0);
      }
      String text = head.toString(StandardCharsets.ISO_8859_1);
      if (!text.startsWith("HTTP/1.") || text.length() < 12) {
        return new Answer(0, text);
      }
      int status = Integer.parseInt(text.substring(9, 12));
      if (status >= 200 || matched < 4) {
        return new Answer(status, text);
      }
      // 100 Continue (or another interim answer): the final one follows
    }
  }
}
