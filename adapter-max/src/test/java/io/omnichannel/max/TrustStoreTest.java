package io.omnichannel.max;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.omnichannel.core.domain.failure.ChannelUnavailable;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configurable trust store, against a loopback HTTPS server whose certificate a self-made root
 * signed (made once with the JDK's keytool, valid for a century: {@code src/test/resources/tls}):
 * trusted when the root is configured (as PEM or as a key store), refused otherwise — verification
 * is never off.
 */
class TrustStoreTest {
  private static final String PASSWORD = "changeit";

  @TempDir static Path dir;
  private static HttpsServer server;
  private static URI base;

  @BeforeAll
  static void startServer() throws Exception {
    for (String file : List.of("ca.pem", "ca.p12", "server.p12")) {
      try (InputStream in = TrustStoreTest.class.getResourceAsStream("/tls/" + file)) {
        Files.copy(in, dir.resolve(file));
      }
    }
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(dir.resolve("server.p12").toFile())) {
      keys.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory managers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    managers.init(keys, PASSWORD.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(managers.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(context));
    server.createContext(
        "/me",
        exchange -> {
          byte[] body =
              "{\"user_id\":555000,\"first_name\":\"Support\",\"username\":\"support_bot\",\"is_bot\":true}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    base = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static MaxApis api(SSLContext ssl) {
    return new MaxApis(base, Fixtures.JSON, MaxConfig.Timeouts.defaults(), ssl);
  }

  @Test
  void theApiHostIsTrustedWhenItsRootIsConfiguredAsPem() {
    SSLContext ssl =
        TrustStores.context(Optional.of(MaxConfig.TrustStore.pem(dir.resolve("ca.pem"))));

    MaxApi.BotInfo me = api(ssl).call("token-1", "me", MaxApi::me);

    assertThat(me.user_id()).isEqualTo(555000);
  }

  @Test
  void theRootMayComeInAPasswordProtectedKeyStore() {
    SSLContext ssl =
        TrustStores.context(
            Optional.of(new MaxConfig.TrustStore(dir.resolve("ca.p12"), Optional.of(PASSWORD))));

    assertThat(api(ssl).call("token-1", "me", MaxApi::me).username()).isEqualTo("support_bot");
  }

  @Test
  void withoutTheRootTheHandshakeIsRefused() {
    SSLContext jdkOnly = TrustStores.context(Optional.empty());

    assertThatThrownBy(() -> api(jdkOnly).call("token-1", "me", MaxApi::me))
        .isInstanceOf(ChannelUnavailable.class);
  }

  @Test
  void theConfiguredRootsComeOnTopOfTheJdksOwn() throws Exception {
    List<X509Certificate> roots =
        TrustStores.roots(MaxConfig.TrustStore.pem(dir.resolve("ca.pem")));

    X509Certificate[] accepted = TrustStores.trustManager(roots).getAcceptedIssuers();

    assertThat(roots)
        .singleElement()
        .satisfies(
            root ->
                assertThat(root.getSubjectX500Principal().getName()).contains("Test Trusted Root"));
    assertThat(accepted).contains(roots.get(0));
    assertThat(accepted.length).as("the JDK's roots stay trusted").isGreaterThan(10);
  }

  @Test
  void anUnreadableOrEmptyTrustStoreIsRefusedAtStart() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "no certificate here");

    assertThatThrownBy(() -> TrustStores.context(Optional.of(MaxConfig.TrustStore.pem(empty))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                TrustStores.context(
                    Optional.of(MaxConfig.TrustStore.pem(dir.resolve("missing.pem")))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
