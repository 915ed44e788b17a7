package io.omnichannel.persistence;

import io.omnichannel.core.domain.failure.ConnectionRuleViolated;
import io.omnichannel.core.domain.failure.ConnectionRuleViolated.Rule;
import io.omnichannel.core.domain.failure.StorageUnavailable;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a {@link SQLException} into the core's failures: a violated F12 constraint (found by its
 * name, which MariaDB, MySQL and H2 all quote in the message) into {@link ConnectionRuleViolated},
 * another duplicate key into {@link DuplicateRow}, anything else into {@link StorageUnavailable}.
 * The driver's message is not copied into ours (it may quote values; secrets are only ever bound
 * sealed or hashed).
 */
final class SqlErrors {
  static final String INBOX_EVENT = "uq_inbox_event";
  static final String COMPANY_SLOT = "uq_connections_company_slot";

  private static final Map<String, Rule> RULES =
      Map.of(
          "uq_connections_active_line",
          Rule.LINE_TAKEN,
          "uq_connections_active_bot",
          Rule.BOT_TAKEN,
          COMPANY_SLOT,
          Rule.COMPANY_FULL,
          "ck_connections_slot",
          Rule.COMPANY_FULL,
          "uq_accounts_chat_topic_epoch",
          Rule.ACCOUNT_EXISTS);

  private SqlErrors() {}

  /**
   * The database rolled the transaction back to break a deadlock (or a serialization conflict): run
   * it again.
   */
  static boolean isDeadlock(StorageUnavailable failure) {
    return failure.getCause() instanceof SQLException cause && "40001".equals(cause.getSQLState());
  }

  static RuntimeException translate(String operation, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("23")) {
      String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
      for (Map.Entry<String, Rule> rule : RULES.entrySet()) {
        if (message.contains(rule.getKey())) {
          return new ConnectionRuleViolated(rule.getValue());
        }
      }
      if (message.contains("duplicate")
          || message.contains("unique index or primary key violation")) {
        return new DuplicateRow(message.contains(INBOX_EVENT) ? INBOX_EVENT : "a unique key");
      }
    }
    return new StorageUnavailable(
        "database failed (SQLState "
            + state
            + ", code "
            + e.getErrorCode()
            + ") in: "
            + firstWords(operation),
        e);
  }

  /** The statement's first line, to say what failed without quoting any value. */
  private static String firstWords(String sql) {
    String oneLine = sql.strip().lines().findFirst().orElse("");
    return oneLine.length() > 80 ? oneLine.substring(0, 80) : oneLine;
  }

  /** A unique key other than an F12 rule refused a row; the repository that expects it decides. */
  static final class DuplicateRow extends IllegalStateException {
    private final String constraint;

    DuplicateRow(String constraint) {
      super("duplicate row for " + constraint);
      this.constraint = constraint;
    }

    boolean is(String name) {
      return constraint.equals(name);
    }
  }
}
