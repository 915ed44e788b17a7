package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.telegram.BotInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 2: the specialist pastes a bot token into the management chat; afterwards it is in
 * clear nowhere at rest: not in any table (the inbox row of that event included), not in the data
 * folder's files, not in the logs. The data folder is the owner's only.
 */
class SecretsAtRestEndToEndTest extends EndToEndHarness {
  private AtRest.Logs logs;

  @Override
  void beforeGateway() {
    logs = new AtRest.Logs();
  }

  @Override
  void afterGateway() {
    logs.close();
  }

  @Test
  void aBotTokenPastedIntoTheManagementChatIsInClearNowhereAtRest() throws Exception {
    Tenant tenant = newTenant();
    Line line = tenant.line("Поддержка");
    tenant.apiAccount("api-" + line.id(), "pw", line);
    BotInfo bot = newBot("Ромашка");
    tenant.connect(line, bot, "api-" + line.id(), "pw");
    // pasted again where no token is expected: the dialog does not understand, the row stays
    tenant.say(bot.token(), "Пожалуйста, выберите пункт меню.");
    assertThat(gatewayHttp.adminConnection(bot)).isPresent();
    gateway.stop();
    gateway = null;

    Map<String, Integer> found = new LinkedHashMap<>();
    found.putAll(AtRest.inDatabase(persistence(), bot.token()));
    found.putAll(AtRest.inFiles(data, bot.token()));
    int logged = logs.count(bot.token());
    if (logged > 0) {
      found.put("logs", logged);
    }
    System.out.println("secrets at rest (" + getClass().getSimpleName() + "): " + found);

    assertThat(AtRest.inDatabase(persistence(), bot.username()))
        .as("the scan sees the stored rows")
        .isNotEmpty();
    assertThat(logs.size()).as("the logs were captured").isPositive();
    assertThat(found).as("where the bot token was found in clear").isEmpty();
    assertOwnerOnly(data);
  }

  private static void assertOwnerOnly(Path data) throws Exception {
    assumeTrue(
        data.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
        .isEqualTo("rwx------");
    try (Stream<Path> files = Files.walk(data)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
            .as(file.toString())
            .isEqualTo("rw-------");
      }
    }
  }
}
