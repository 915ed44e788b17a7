package io.omnichannel.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.LineAccess;
import io.omnichannel.core.domain.RemoteFile;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.failure.ApiAccountRejected;
import io.omnichannel.core.domain.failure.PlatformRejected;
import io.omnichannel.testkit.oneconnect.HookEvent;
import io.omnichannel.testkit.oneconnect.RecordedRequest;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Files from the line: size first (HEAD), bytes only when opened (GET), credentials only to the
 * platform.
 */
class LineFilesTest extends SharedEmulator {

  @Test
  void theSizeIsKnownBeforeAnyByteIsReadAndTheBytesStreamWhenOpened() throws Exception {
    byte[] bytes = new byte[300_000];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    HookEvent sent =
        emulator
            .scenario()
            .specialistSendsFile(
                world.support.id(),
                world.user.id(),
                world.specialist.id(),
                "big.bin",
                "application/octet-stream",
                bytes,
                null);
    LineAccess connection = world.connection();
    emulator.inspection().clear();

    RemoteFile file = world.platform().fetchLineFile(connection, new FileRef(sent.file().url()));

    assertThat(file.sizeBytes()).isEqualTo(bytes.length);
    assertThat(file.mimeType())
        .as("application/octet-stream says nothing: the name's type stands")
        .isEmpty();
    assertThat(methods()).containsExactly("HEAD");
    try (InputStream in = file.source().open()) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
    assertThat(methods()).containsExactly("HEAD", "GET");
    assertThat(emulator.inspection().requests())
        .allSatisfy(r -> assertThat(r.authLogin()).isEqualTo(world.login));
  }

  @Test
  void theDownloadsDeclaredTypeIsKnownFromTheHead() {
    HookEvent sent =
        emulator
            .scenario()
            .specialistSendsFile(
                world.support.id(),
                world.user.id(),
                world.specialist.id(),
                "scan",
                "image/png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G'},
                null);
    emulator.inspection().clear();

    RemoteFile file =
        world.platform().fetchLineFile(world.connection(), new FileRef(sent.file().url()));

    assertThat(file.mimeType()).contains("image/png");
    assertThat(methods()).containsExactly("HEAD");
  }

  @Test
  void aFileOfALineTheAccountCannotActOnIsRefused() {
    HookEvent sent =
        emulator
            .scenario()
            .specialistSendsFile(
                world.support.id(),
                world.user.id(),
                world.specialist.id(),
                "a.txt",
                "text/plain",
                new byte[] {1},
                null);
    ApiAccount other = new ApiAccount(world.otherLogin, Secret.of(TestWorld.PASSWORD));
    ApiAccount wrong = new ApiAccount(world.login, Secret.of("Wr0ng-File-Pw"));
    LineFiles files =
        new LineFiles(
            java.net.http.HttpClient.newHttpClient(),
            world.config().restBase(),
            java.time.Duration.ofSeconds(5));

    assertThatThrownBy(() -> files.fetch(other, new FileRef(sent.file().url())))
        .isInstanceOfSatisfying(
            PlatformRejected.class, e -> assertThat(e.code()).isEqualTo("HTTP 403"));
    assertThatThrownBy(() -> files.fetch(wrong, new FileRef(sent.file().url())))
        .isInstanceOf(ApiAccountRejected.class)
        .satisfies(e -> assertThat(Secrets.everythingPrintable(e)).doesNotContain("Wr0ng-File-Pw"));
  }

  @Test
  void aUrlOutsideThePushApiGetsNoCredentialsAndNoRequest() {
    emulator.inspection().clear();

    assertThatThrownBy(
            () ->
                world
                    .platform()
                    .fetchLineFile(
                        world.connection(), new FileRef("https://attacker.example/v1/file/x/")))
        .isInstanceOfSatisfying(
            PlatformRejected.class, e -> assertThat(e.code()).contains("outside the push API"));
    assertThat(emulator.inspection().requests()).isEmpty();
  }

  @Test
  void aServerThatRefusesHeadIsAskedWithAGetWhoseBodyIsReadOnlyWhenOpened() throws Exception {
    byte[] bytes =
        "file behind a HEAD-less server".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/v1/file/",
        exchange -> {
          seen.add(exchange.getRequestMethod());
          if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(405, -1);
          } else {
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
          }
          exchange.close();
        });
    server.start();
    try {
      java.net.URI base = java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort());
      LineFiles files =
          new LineFiles(
              java.net.http.HttpClient.newHttpClient(), base, java.time.Duration.ofSeconds(5));

      RemoteFile file = files.fetch(world.account(), new FileRef(base + "/v1/file/f1/"));

      assertThat(file.sizeBytes()).isEqualTo(bytes.length);
      assertThat(seen).containsExactly("HEAD", "GET");
      try (InputStream in = file.source().open()) {
        assertThat(in.readAllBytes()).isEqualTo(bytes);
      }
      assertThat(seen).containsExactly("HEAD", "GET", "GET");
    } finally {
      server.stop(0);
    }
  }

  private static List<String> methods() {
    return emulator.inspection().requests().stream().map(RecordedRequest::method).toList();
  }
}
