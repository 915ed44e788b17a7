package io.omnichannel.persistence;

import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.DialogState;
import io.omnichannel.core.domain.DialogState.AwaitingToken;
import io.omnichannel.core.domain.DialogState.ChannelChoice;
import io.omnichannel.core.domain.DialogState.ChannelMenu;
import io.omnichannel.core.domain.DialogState.ChoosingLine;
import io.omnichannel.core.domain.DialogState.LinkSent;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.WizardPurpose;
import io.omnichannel.core.port.out.DialogRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * Each specialist's place in the management menu: the state's name and its few fields, one row
 * each.
 */
final class JdbcDialogs implements DialogRepository {
  private static final String UPDATE =
      """
      UPDATE dialog_states SET state = ?, purpose = ?, page = ?, line_id = ?, channel = ?, updated_at = ? WHERE specialist_id = ?
      """;
  private static final String INSERT =
      """
      INSERT INTO dialog_states (state, purpose, page, line_id, channel, updated_at, specialist_id) VALUES (?, ?, ?, ?, ?, ?, ?)
      """;

  private final Db db;
  private final Clock clock;

  JdbcDialogs(Db db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public Optional<DialogState> load(PlatformUserId specialist) {
    return db.queryOne(
        "SELECT * FROM dialog_states WHERE specialist_id = ?",
        JdbcDialogs::map,
        specialist.value());
  }

  @Override
  public void save(PlatformUserId specialist, DialogState state) {
    Object[] values = columns(state);
    Object[] params = {
      values[0],
      values[1],
      values[2],
      values[3],
      values[4],
      Micros.of(clock.instant()),
      specialist.value()
    };
    Upserts.updateOrInsert(db, UPDATE, INSERT, params);
  }

  /** state, purpose, page, line, channel. */
  private static Object[] columns(DialogState state) {
    if (state instanceof ChannelChoice) {
      return new Object[] {"CHANNEL_CHOICE", null, null, null, null};
    } else if (state instanceof ChannelMenu menu) {
      return new Object[] {"CHANNEL_MENU", null, null, null, name(menu.channel())};
    } else if (state instanceof ChoosingLine choosing) {
      return new Object[] {
        "CHOOSING_LINE", choosing.purpose().name(), choosing.page(), null, name(choosing.channel())
      };
    } else if (state instanceof AwaitingToken awaiting) {
      return new Object[] {
        "AWAITING_TOKEN", null, awaiting.page(), awaiting.line().value(), name(awaiting.channel())
      };
    } else if (state instanceof LinkSent sent) {
      return new Object[] {"LINK_SENT", sent.purpose().name(), null, null, name(sent.channel())};
    }
    throw new IllegalArgumentException("unknown dialog state " + state.getClass().getSimpleName());
  }

  private static String name(ChannelKind channel) {
    return channel.displayName();
  }

  private static DialogState map(ResultSet row) throws SQLException {
    String state = row.getString("state");
    if ("CHANNEL_CHOICE".equals(state)) {
      return new ChannelChoice();
    }
    ChannelKind channel = new ChannelKind(row.getString("channel"));
    switch (state) {
      case "CHANNEL_MENU":
        return new ChannelMenu(channel);
      case "CHOOSING_LINE":
        return new ChoosingLine(
            channel, WizardPurpose.valueOf(row.getString("purpose")), row.getInt("page"));
      case "AWAITING_TOKEN":
        return new AwaitingToken(channel, new LineId(row.getString("line_id")), row.getInt("page"));
      case "LINK_SENT":
        return new LinkSent(channel, WizardPurpose.valueOf(row.getString("purpose")));
      default:
        throw new IllegalStateException("unknown stored dialog state " + state);
    }
  }
}
