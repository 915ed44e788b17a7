package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.launcher.Omnichannel;
import io.omnichannel.persistence.PersistenceConfig;
import io.omnichannel.sandbox.scenario.Loopback;
import io.omnichannel.telegram.TelegramConfig;
import io.omnichannel.testkit.mariadb.ScratchMariaDb;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.UserSpec;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * B3: two gateway instances on one MariaDB database. Each bot's long polling has exactly one holder
 * (the lease); both share the queues; every message arrives once and in order per chat; when the
 * holder stops, the other instance takes the polling over.
 */
class TwoInstancesOnMariaDbEndToEndTest extends EndToEndHarness {
  private ScratchMariaDb mariaDb;
  private PersistenceConfig config;
  private Omnichannel second;
  private FlakyProxy balancer;

  @Override
  void beforeGateway() throws Exception {
    mariaDb = ScratchMariaDb.create();
    config = on(mariaDb);
    balancer = new FlakyProxy(URI.create("http://127.0.0.1:" + port));
  }

  /** Both instances are reached through one load balancer, as in production. */
  @Override
  URI publicBase(int httpPort) {
    return balancer.baseUrl();
  }

  @Override
  PersistenceConfig persistence() {
    return config;
  }

  @Override
  TelegramConfig.Timeouts timeouts() {
    return super.timeouts().withLeaseTtl(Duration.ofSeconds(3));
  }

  @Override
  void afterGateway() {
    if (second != null) {
      second.stop();
    }
    balancer.close();
    if (mariaDb != null) {
      mariaDb.close();
    }
  }

  @Test
  void twoInstancesSharePollingWithOneLeaseHolderAndNoDoubles() throws Exception {
    Connected connected = new Connected();
    int secondPort = Loopback.freePort();
    second = builder(secondPort, "e2e-2").build().start();

    List<UserSpec> users = new ArrayList<>();
    List<List<String>> said = new ArrayList<>();
    for (int u = 0; u < 4; u++) {
      users.add(UserSpec.of(newUserId(), "Клиент", "Номер" + u, null));
      said.add(new ArrayList<>());
    }
    for (int i = 1; i <= 10; i++) {
      for (int u = 0; u < users.size(); u++) {
        String text = "клиент " + u + " сообщение " + i;
        said.get(u).add(text);
        connected.user(users.get(u)).sendsText(text);
      }
    }
    List<String> accounts = new ArrayList<>();
    for (int u = 0; u < users.size(); u++) {
      supportLines.awaitReceived("клиент " + u + " сообщение 10");
      String account = supportLines.accountId(connected.bot, "Номер" + u);
      accounts.add(account);
      supportLines.awaitText(connected.line, account, "клиент " + u + " сообщение 10");
    }
    assertThat(leaseHolders()).containsExactly("e2e-1");

    // the holder stops gracefully: it releases the lease and the second instance polls from now on
    gateway.stop();
    gateway = null;
    balancer.retarget(URI.create("http://127.0.0.1:" + secondPort));
    for (int u = 0; u < users.size(); u++) {
      String text = "клиент " + u + " после остановки первого";
      said.get(u).add(text);
      connected.user(users.get(u)).sendsText(text);
    }
    for (int u = 0; u < users.size(); u++) {
      supportLines.awaitText(
          connected.line, accounts.get(u), "клиент " + u + " после остановки первого");
      assertThat(supportLines.fromUser(connected.line, accounts.get(u)))
          .extracting(TranscriptEntry::text)
          .as("chat %d: all, once, in order", u)
          .containsExactlyElementsOf(said.get(u));
    }
    assertThat(supportLines.usersOf(supportLines.clientOf(connected.bot))).hasSize(users.size());
    assertThat(leaseHolders()).containsExactly("e2e-2");

    // the specialist's answer goes out through the remaining instance
    connected.specialistWrites(accounts.get(0), "ответ через второй экземпляр");
    assertThat(telegram.awaitSent(connected.bot.token(), users.get(0).id(), 1, WAIT).get(0).text())
        .isEqualTo("ответ через второй экземпляр");
    gateway = builder(port, "e2e-1").build().start();
    balancer.retarget(URI.create("http://127.0.0.1:" + port));
  }

  private List<String> leaseHolders() throws Exception {
    List<String> holders = new ArrayList<>();
    try (Connection jdbc =
            DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
        PreparedStatement query = jdbc.prepareStatement("SELECT holder FROM polling_leases");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        holders.add(rows.getString(1));
      }
    }
    return holders;
  }
}
