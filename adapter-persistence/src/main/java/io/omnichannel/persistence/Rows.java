package io.omnichannel.persistence;

import io.omnichannel.core.domain.BotId;
import io.omnichannel.core.domain.BotProfile;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.Line;
import io.omnichannel.core.domain.LineAvailability;
import io.omnichannel.core.domain.LineId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Row mapping shared by tables that copy a line and a bot (connections, confirmations). */
final class Rows {
  private Rows() {}

  static Line line(ResultSet row) throws SQLException {
    return new Line(
        new LineId(row.getString("line_id")),
        new CompanyId(row.getString("line_company_id")),
        row.getString("line_name"),
        LineAvailability.valueOf(row.getString("line_availability")));
  }

  static BotProfile bot(ResultSet row) throws SQLException {
    return new BotProfile(
        new BotId(row.getString("bot_id")),
        row.getString("bot_username"),
        row.getString("bot_display_name"));
  }

  static Optional<String> optionalString(ResultSet row, String column) throws SQLException {
    return Optional.ofNullable(row.getString(column));
  }
}
