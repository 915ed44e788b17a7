package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.sandbox.scenario.GatewayHttp.Page;
import io.omnichannel.testkit.telegram.UserSpec;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** F14: a technical client's users (the Telegram accounts) can be viewed with their ban state. */
class F14AccountsAdminEndToEndTest extends EndToEndHarness {

  @Test
  void theAccountsOfAConnectionAreListedWithTheirBanState() throws Exception {
    Connected connected = new Connected();
    String ivan =
        connected.firstContact(
            UserSpec.of(newUserId(), "Иван", "Петров", "ivan_p"), "Привет от Ивана");
    connected.firstContact(UserSpec.of(newUserId(), "Мария", null, null), "Привет от Марии");

    JsonNode connection = gatewayHttp.adminConnection(connected.bot).orElseThrow();
    assertThat(connection.path("line").asText()).isEqualTo("Поддержка");
    assertThat(connection.path("client").asText())
        .isEqualTo("Telegram: " + connected.bot.firstName());
    assertThat(connection.path("state").asText()).isEqualTo("ACTIVE");
    assertThat(connection.toString())
        .doesNotContain(connected.bot.token())
        .doesNotContain("\"pw\"");

    Map<String, Boolean> banned = banState(gatewayHttp.adminAccounts(connected.bot));
    assertThat(banned).containsOnly(Map.entry("Иван Петров", false), Map.entry("Мария", false));

    oneConnect.world().ban(ivan, connected.line.id());
    JsonNode accounts = gatewayHttp.adminAccounts(connected.bot);
    assertThat(banState(accounts))
        .containsOnly(Map.entry("Иван Петров", true), Map.entry("Мария", false));
    for (JsonNode account : accounts) {
      assertThat(account.path("chat_kind").asText()).isEqualTo("PRIVATE");
      assertThat(account.path("blocked").asBoolean()).isFalse();
    }

    Page anonymous =
        gatewayHttp.get(
            base + "/admin/connections/" + connection.path("id").asText() + "/accounts");
    assertThat(anonymous.status()).isEqualTo(401);
  }

  private static Map<String, Boolean> banState(JsonNode accounts) {
    Map<String, Boolean> state = new HashMap<>();
    accounts.forEach(
        account -> state.put(account.path("name").asText(), account.path("banned").asBoolean()));
    return state;
  }
}
