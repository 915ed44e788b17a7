package io.omnichannel.oneconnect;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A 1C ValueTable read from an answer: column names in order, each row by column name (null for
 * nil).
 */
record SoapTable(List<String> columns, List<Map<String, Object>> rows) {
  SoapTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  static Optional<String> string(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value == null ? Optional.empty() : Optional.of(value.toString());
  }

  static boolean flag(Map<String, Object> row, String column) {
    return Objects.equals(row.get(column), Boolean.TRUE);
  }
}
