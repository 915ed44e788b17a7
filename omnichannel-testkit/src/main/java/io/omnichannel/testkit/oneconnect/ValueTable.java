package io.omnichannel.testkit.oneconnect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A 1C ValueTable result: typed columns, then rows whose values follow the column order (null →
 * nil). Values are String, Boolean, Number or {@link java.time.Instant}.
 */
record ValueTable(List<Column> columns, List<List<Object>> rows) {
  /**
   * A column; {@code types} such as {@code xs:string} and {@code Null}; {@code stringLength} or
   * null.
   */
  record Column(String name, List<String> types, Integer stringLength) {
    static Column string(String name, int length, boolean nullable) {
      return new Column(
          name, nullable ? List.of("xs:string", "Null") : List.of("xs:string"), length);
    }

    static Column of(String name, String type, boolean nullable) {
      return new Column(name, nullable ? List.of(type, "Null") : List.of(type), null);
    }
  }

  static ValueTable of(Column... columns) {
    return new ValueTable(List.of(columns), new ArrayList<>());
  }

  ValueTable row(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          "row has " + values.length + " values for " + columns.size());
    }
    rows.add(Arrays.asList(values));
    return this;
  }
}
