package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.max.MaxConfig;
import io.omnichannel.testkit.max.MaxDialogScenario;
import io.omnichannel.testkit.max.MaxSentMessage;
import io.omnichannel.testkit.max.MaxUser;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * The MAX trust-store setting end to end: the emulator's API behind HTTPS whose certificate a test
 * root signed (the root and the server's key are adapter-max's test material, made with keytool as
 * its README says). The gateway trusts the root only because it is configured as the extra trust
 * store (verification is never off), and connects, receives and answers through it.
 */
class MaxOverHttpsEndToEndTest extends MaxEndToEndHarness {
  /** adapter-max's test TLS material, from app-sandbox (Maven's working folder) or the root. */
  private static final Path TLS =
      Stream.of(Path.of("..", "adapter-max"), Path.of("adapter-max"))
          .map(module -> module.resolve(Path.of("src", "test", "resources", "tls")))
          .filter(Files::isDirectory)
          .findFirst()
          .orElseThrow(
              () -> new IllegalStateException("adapter-max/src/test/resources/tls not found"));

  private static final char[] PASSWORD = "changeit".toCharArray();
  private CuttableTcpProxy https;

  @Override
  void beforeGateway() throws Exception {
    super.beforeGateway();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(TLS.resolve("server.p12"))) {
      keys.load(in, PASSWORD);
    }
    KeyManagerFactory managers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    managers.init(keys, PASSWORD);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(managers.getKeyManagers(), null, null);
    https =
        new CuttableTcpProxy(
            tls.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress()),
            "127.0.0.1",
            max.port());
  }

  @Override
  void afterGateway() {
    if (https != null) {
      https.close();
    }
    super.afterGateway();
  }

  @Override
  MaxConfig maxConfig(URI publicBase, String instanceId) {
    return super.maxConfig(publicBase, instanceId)
        .withApiBaseUrl(URI.create("https://127.0.0.1:" + https.port()))
        .withTrustStore(MaxConfig.TrustStore.pem(TLS.resolve("ca.pem")));
  }

  @Test
  void theGatewayTalksToMaxOverHttpsTrustingTheConfiguredRoot() {
    MaxConnected connected = new MaxConnected();
    MaxUser olga = MaxUser.of(newUserId(), "Ольга", "Петрова", "olga");
    MaxDialogScenario dialog = connected.dialog(olga);
    String account = connected.firstContact(olga, "Здравствуйте, пишу через HTTPS");

    connected.specialistWrites(account, "Добрый день, ответ через HTTPS");
    dialog.sendsFile("акт.pdf", 4096);
    TranscriptEntry file =
        supportLines.awaitFromUser(
            connected.line, account, "the file акт.pdf", entry -> entry.file() != null);
    assertThat(file.file().size()).isEqualTo(4096);
    byte[] report = "сверка".getBytes(StandardCharsets.UTF_8);
    connected.specialistSendsFile(account, "сверка.txt", "text/plain", report, null);

    List<MaxSentMessage> sent = max.awaitSent(connected.bot.token(), dialog.chatId(), 2, WAIT);
    assertThat(sent.get(0).text()).isEqualTo("Добрый день, ответ через HTTPS");
    assertThat(sent.get(1).attachments())
        .singleElement()
        .satisfies(attachment -> assertThat(attachment.size()).isEqualTo(report.length));
  }
}
