package io.omnichannel.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every column of the rows a query finds, as the database holds them (binary columns byte for
 * byte).
 */
final class RawRows {
  private RawRows() {}

  static String dump(TestDatabase database, String sql, Object... params) throws SQLException {
    try (Connection connection = database.jdbc();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      List<String> cells = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
          for (int c = 1; c <= columns; c++) {
            Object value = rows.getObject(c);
            cells.add(
                rows.getMetaData().getColumnLabel(c)
                    + "="
                    + (value instanceof byte[] bytes
                        ? new String(bytes, StandardCharsets.ISO_8859_1)
                            + "|"
                            + new String(bytes, StandardCharsets.UTF_8)
                        : String.valueOf(value)));
          }
        }
      }
      return String.join("\n", cells);
    }
  }
}
