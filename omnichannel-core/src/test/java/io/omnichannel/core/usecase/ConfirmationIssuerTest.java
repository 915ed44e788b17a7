package io.omnichannel.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.Line;
import io.omnichannel.core.domain.PendingAction;
import io.omnichannel.core.fakes.CoreFixture;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfirmationIssuerTest {
  private final CoreFixture world = new CoreFixture();

  @Test
  void issuingALinkRemembersTheNameOfTheSpecialistsCompany() {
    Line line = world.platform.line(world.company, "Поддержка");
    BotToken token = world.messenger.bot("Support", "support_bot");

    world.issuer.issue(
        world.specialist,
        new PendingAction.Connect(
            world.messenger.kind(), line, world.messenger.identify(token), token));

    assertThat(world.companyNames.all())
        .isEqualTo(Map.of(world.company, "ООО «" + world.company.value() + "»"));
  }
}
