package io.omnichannel.persistence;

import io.omnichannel.core.domain.failure.StorageUnavailable;
import io.omnichannel.core.port.out.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The small JDBC helper every repository uses. A transaction binds its connection to the thread, so
 * repository and queue calls inside {@link #inTransaction} share it (nested calls join the outer
 * one); outside a transaction each statement runs on a pooled connection in auto-commit. Every
 * {@link SQLException} leaves here translated by {@link SqlErrors}.
 *
 * <p>Transactions take their connections from a source of their own whose connections stay in
 * manual-commit mode: switching auto-commit off and on again around each one cost a server two
 * round trips ({@code SET autocommit=0}, {@code SET autocommit=1}) besides its {@code COMMIT}.
 */
final class Db implements Transactions {
  /** Maps the current row of a result set. */
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** Work on one JDBC connection. */
  interface ConnectionWork<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;
  private final DataSource transactional;
  private final ThreadLocal<Connection> bound = new ThreadLocal<>();
  private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();

  private final Runnable beforeConnecting;

  /** One source for both: each transaction switches its connection's auto-commit off and on. */
  Db(DataSource dataSource) {
    this(dataSource, dataSource);
  }

  /** Connections for statements and for transactions from two sources, always open. */
  Db(DataSource dataSource, DataSource transactional) {
    this(dataSource, transactional, () -> {});
  }

  /**
   * @param dataSource connections in auto-commit, for the statements outside a transaction
   * @param transactional connections for {@link #inTransaction}, best kept in manual-commit mode
   *     (one in auto-commit is switched off for the transaction and back on after it)
   * @param beforeConnecting runs before each connection is taken (to wait for the schema)
   */
  Db(DataSource dataSource, DataSource transactional, Runnable beforeConnecting) {
    this.dataSource = dataSource;
    this.transactional = transactional;
    this.beforeConnecting = beforeConnecting;
  }

  /**
   * How often a unit the database chose as a deadlock victim is run again before the failure is
   * passed on.
   */
  private static final int DEADLOCK_ATTEMPTS = 5;

  /**
   * Runs the unit in one transaction. InnoDB may pick it as a deadlock victim (SQLState 40001, e.g.
   * two inserts racing for the same unique slot): the database rolled it back whole, so it is run
   * again whole. Units hold database writes only, which makes running them again safe.
   */
  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (bound.get() != null) {
      return work.get();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return runOnce(work);
      } catch (StorageUnavailable failure) {
        if (attempt >= DEADLOCK_ATTEMPTS || !SqlErrors.isDeadlock(failure)) {
          throw failure;
        }
      }
    }
  }

  private <T> T runOnce(Supplier<T> work) {
    Connection connection = open(transactional);
    List<Runnable> committed = new ArrayList<>();
    boolean switched = false;
    T result;
    try {
      if (connection.getAutoCommit()) {
        connection.setAutoCommit(false);
        switched = true;
      }
      bound.set(connection);
      afterCommit.set(committed);
      result = work.get();
      connection.commit();
    } catch (SQLException e) {
      rollbackQuietly(connection);
      throw SqlErrors.translate("commit", e);
    } catch (RuntimeException | Error e) {
      rollbackQuietly(connection);
      throw e;
    } finally {
      bound.remove();
      afterCommit.remove();
      closeQuietly(connection, switched);
    }
    committed.forEach(Runnable::run);
    return result;
  }

  /** Whether this thread is inside {@link #inTransaction}. */
  boolean inTransaction() {
    return bound.get() != null;
  }

  /**
   * Runs {@code action} once what this thread wrote is committed: at once outside a transaction,
   * after the commit inside one (never, when it rolls back).
   */
  void afterCommit(Runnable action) {
    List<Runnable> pending = afterCommit.get();
    if (pending == null) {
      action.run();
    } else {
      pending.add(action);
    }
  }

  <T> T withConnection(String operation, ConnectionWork<T> work) {
    Connection current = bound.get();
    if (current != null) {
      return call(operation, current, work);
    }
    for (int attempt = 1; ; attempt++) {
      Connection connection = open(dataSource);
      try {
        return call(operation, connection, work);
      } catch (StorageUnavailable failure) {
        if (attempt >= DEADLOCK_ATTEMPTS || !SqlErrors.isDeadlock(failure)) {
          throw failure;
        }
      } finally {
        closeQuietly(connection, false);
      }
    }
  }

  int update(String sql, Object... params) {
    return withConnection(
        sql,
        connection -> {
          try (PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
          }
        });
  }

  /** Inserts one row and returns its generated key. */
  long insert(String sql, Object... params) {
    return withConnection(
        sql,
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(statement, params);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
              if (!keys.next()) {
                throw new SQLException("no generated key");
              }
              return keys.getLong(1);
            }
          }
        });
  }

  <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
    return withConnection(
        sql,
        connection -> {
          try (PreparedStatement statement = prepare(connection, sql, params);
              ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
              result.add(mapper.map(rows));
            }
            return result;
          }
        });
  }

  <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
    List<T> rows = query(sql, mapper, params);
    if (rows.size() > 1) {
      throw new IllegalStateException("expected at most one row, got " + rows.size());
    }
    return rows.stream().findFirst();
  }

  private static <T> T call(String operation, Connection connection, ConnectionWork<T> work) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw SqlErrors.translate(operation, e);
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... params)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      bind(statement, params);
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }

  private static void bind(PreparedStatement statement, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      statement.setObject(i + 1, params[i]);
    }
  }

  private Connection open(DataSource source) {
    beforeConnecting.run();
    try {
      return source.getConnection();
    } catch (SQLException e) {
      throw SqlErrors.translate("connect", e);
    }
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the connection is broken; closing it below evicts it from the pool
    }
  }

  private static void closeQuietly(Connection connection, boolean restoreAutoCommit) {
    try {
      if (restoreAutoCommit) {
        connection.setAutoCommit(true);
      }
    } catch (SQLException ignored) {
      // the pool resets the connection state itself
    } finally {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // nothing to release any more
      }
    }
  }
}
