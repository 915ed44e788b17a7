package io.omnichannel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.DialogState;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.WizardPurpose;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The management dialog's state per specialist, surviving restarts (F1). */
abstract class DialogsContract extends DatabaseTest {
  private static final ChannelKind TELEGRAM = new ChannelKind("Telegram");
  private static final ChannelKind MAX = new ChannelKind("MAX");

  private final PlatformUserId anna = new PlatformUserId("specialist-anna");

  DialogsContract(TestDatabase database) {
    super(database);
  }

  @Test
  void everyKindOfStateRoundTrips() {
    List<DialogState> states =
        List.of(
            new DialogState.ChannelChoice(),
            new DialogState.ChannelMenu(TELEGRAM),
            new DialogState.ChoosingLine(MAX, WizardPurpose.DISCONNECT, 3),
            new DialogState.AwaitingToken(MAX, new LineId("line-9"), 2),
            new DialogState.LinkSent(TELEGRAM, WizardPurpose.CONNECT));

    for (DialogState state : states) {
      db.dialogs().save(anna, state);
      assertThat(db.dialogs().load(anna)).contains(state);
    }
  }

  @Test
  void aSpecialistWhoNeverWroteHasNoState() {
    db.dialogs().save(anna, DialogState.START);

    assertThat(db.dialogs().load(new PlatformUserId("someone-else"))).isEmpty();
  }

  @Test
  void theStateSurvivesClosingAndReopeningTheDatabase() {
    db.dialogs().save(anna, new DialogState.AwaitingToken(MAX, new LineId("line-9"), 1));

    db.close();
    db = Persistence.open(config);

    assertThat(db.dialogs().load(anna))
        .contains(new DialogState.AwaitingToken(MAX, new LineId("line-9"), 1));
  }
}
