package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.sandbox.scenario.GatewayHttp.Page;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.telegram.BotInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 3: the confirmation form is no password oracle. Another company's account gets the
 * answer of a wrong password, the fifth failed attempt burns the link (the right account is then
 * refused too) and the specialist hears of it in the management chat, and a flood of submits from
 * one address is answered 429.
 */
class NoOracleEndToEndTest extends EndToEndHarness {

  @Test
  void fiveFailedAttemptsBurnTheLinkTheChatIsToldAndAFloodGets429() {
    Tenant tenant = newTenant();
    Line support = tenant.line("Поддержка");
    tenant.apiAccount("api-" + support.id(), "pw", support);
    Tenant other = newTenant();
    Line theirs = other.line("Их линия");
    other.apiAccount("api-other-" + theirs.id(), "pw2", theirs);
    BotInfo bot = newBot("Ромашка");
    String link = tenant.connectLink("Поддержка", bot);

    Page foreign = gatewayHttp.submit(link, "api-other-" + theirs.id(), "pw2");
    Page wrong = gatewayHttp.submit(link, "api-" + support.id(), "guess-1");
    assertThat(foreign.status()).isEqualTo(wrong.status()).isEqualTo(422);
    assertThat(foreign.body()).isEqualTo(wrong.body());
    for (int i = 2; i <= 3; i++) {
      assertThat(gatewayHttp.submit(link, "api-" + support.id(), "guess-" + i).status())
          .isEqualTo(422);
    }

    Page burned = gatewayHttp.submit(link, "api-" + support.id(), "guess-4");
    assertThat(burned.status()).isEqualTo(409);
    assertThat(burned.body()).contains("ссылка больше не действует");
    tenant.awaitAnswer("Ссылка для линии «Поддержка» больше не действует");

    Page right = gatewayHttp.submit(link, "api-" + support.id(), "pw");
    assertThat(right.status()).isEqualTo(409);
    assertThat(gatewayHttp.adminConnection(bot)).isEmpty();
    assertThat(oneConnect.world().clients())
        .extracting(c -> c.name())
        .doesNotContain("Telegram: " + bot.firstName());

    List<Integer> flood = new ArrayList<>();
    Page throttled = null;
    for (int i = 0; i < 40 && throttled == null; i++) {
      Page page = gatewayHttp.submit(link, "api-" + support.id(), "flood-" + i);
      flood.add(page.status());
      if (page.status() == 429) {
        throttled = page;
      }
    }
    assertThat(throttled).as("statuses of the flood: %s", flood).isNotNull();
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    assertThat(flood)
        .as("the burned link stays refused until the throttle answers")
        .allMatch(status -> status == 409 || status == 429);
  }
}
