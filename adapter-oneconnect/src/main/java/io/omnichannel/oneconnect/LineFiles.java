package io.omnichannel.oneconnect;

import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.RemoteFile;
import io.omnichannel.core.domain.failure.PlatformRejected;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import javax.net.ssl.SSLSession;

/**
 * Files a specialist sent into a line (type-70 events carry their URL). A HEAD tells the size and
 * the type first, so the core can refuse an over-size file before a byte of it is read; the GET
 * runs only when the source is opened. The API account's credentials go only to the push API's own
 * origin, never to a URL an event names elsewhere.
 */
final class LineFiles {
  private static final String OPERATION = "fetchLineFile";

  private final HttpClient http;
  private final URI restBase;
  private final Duration timeout;

  LineFiles(HttpClient http, URI restBase, Duration timeout) {
    this.http = http;
    this.restBase = restBase;
    this.timeout = timeout;
  }

  RemoteFile fetch(ApiAccount account, FileRef file) {
    URI url = onPlatform(file);
    String auth = BasicAuth.header(account);
    HttpResponse<Void> head =
        send(
            request(url, auth).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.discarding());
    if (head.statusCode() == 405 || head.statusCode() == 501) {
      head = headersOfGet(url, auth);
    }
    if (head.statusCode() != 200) {
      throw PlatformErrors.of(OPERATION, head.statusCode(), new byte[0]);
    }
    OptionalLong size = head.headers().firstValueAsLong("Content-Length");
    if (size.isEmpty()) {
      throw new PlatformRejected(OPERATION, "no Content-Length for the file");
    }
    return new RemoteFile(
        size.getAsLong(),
        FileTypes.byDownload(head.headers().firstValue("Content-Type")),
        () -> open(url, auth));
  }

  /**
   * For a server that refuses HEAD: the headers of a GET, whose body is closed unread (the
   * connection is dropped rather than the file read); {@link #open} asks again when the bytes are
   * wanted.
   */
  private HttpResponse<Void> headersOfGet(URI url, String auth) {
    HttpResponse<InputStream> get =
        send(request(url, auth).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    try {
      get.body().close();
    } catch (IOException ignored) {
      // closing only drops the connection
    }
    return new HeadersOnly(get);
  }

  private InputStream open(URI url, String auth) throws IOException {
    HttpResponse<InputStream> response =
        send(request(url, auth).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      response.body().close();
      throw PlatformErrors.of(OPERATION, response.statusCode(), new byte[0]);
    }
    return response.body();
  }

  private HttpRequest.Builder request(URI url, String auth) {
    return HttpRequest.newBuilder(url).timeout(timeout).header("Authorization", auth);
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return PlatformErrors.send(http, request, handler, OPERATION);
  }

  private URI onPlatform(FileRef file) {
    URI url;
    try {
      url = URI.create(file.value());
    } catch (IllegalArgumentException invalid) {
      throw new PlatformRejected(OPERATION, "not a URL");
    }
    boolean sameOrigin =
        Objects.equals(url.getScheme(), restBase.getScheme())
            && Objects.equals(url.getHost(), restBase.getHost())
            && url.getPort() == restBase.getPort();
    if (!sameOrigin) {
      throw new PlatformRejected(OPERATION, "file URL outside the push API: " + url.getHost());
    }
    return url;
  }

  /** A response's status and headers without its body. */
  private record HeadersOnly(HttpResponse<InputStream> response) implements HttpResponse<Void> {
    @Override
    public int statusCode() {
      return response.statusCode();
    }

    @Override
    public HttpRequest request() {
      return response.request();
    }

    @Override
    public Optional<HttpResponse<Void>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
      return response.headers();
    }

    @Override
    public Void body() {
      return null;
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return response.sslSession();
    }

    @Override
    public URI uri() {
      return response.uri();
    }

    @Override
    public HttpClient.Version version() {
      return response.version();
    }
  }
}
