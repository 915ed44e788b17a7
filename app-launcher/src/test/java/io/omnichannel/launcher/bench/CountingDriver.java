package io.omnichannel.launcher.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Counts what the gateway sends its database, below the pool: takes the place of the H2 and MySQL
 * drivers in {@link DriverManager} (HikariCP finds its driver there by URL) and wraps each
 * connection and statement in a proxy. Counted as statements: every executed statement, every
 * {@code setAutoCommit}, {@code commit} and {@code rollback} call (a server driver sends each as a
 * statement of its own). Counted as commits: every {@code commit} call and every write executed in
 * auto-commit. Pings ({@code isValid}) are counted apart.
 */
final class CountingDriver implements Driver {
  /** Totals since the last {@link #reset}. */
  record Counts(
      long statements,
      long commits,
      long rollbacks,
      long autoCommitSets,
      long pings,
      Map<String, Long> bySql) {
    Counts minus(Counts earlier) {
      return new Counts(
          statements - earlier.statements,
          commits - earlier.commits,
          rollbacks - earlier.rollbacks,
          autoCommitSets - earlier.autoCommitSets,
          pings - earlier.pings,
          difference(bySql, earlier.bySql));
    }

    private static Map<String, Long> difference(
        Map<String, Long> later, Map<String, Long> earlier) {
      Map<String, Long> delta = new HashMap<>();
      later.forEach(
          (sql, count) -> {
            long grown = count - earlier.getOrDefault(sql, 0L);
            if (grown > 0) {
              delta.put(sql, grown);
            }
          });
      return delta;
    }

    /** The most frequent statements, as "count × first words". */
    List<String> top(int n) {
      List<Map.Entry<String, Long>> entries = new ArrayList<>(bySql.entrySet());
      entries.sort(Map.Entry.<String, Long>comparingByValue().reversed());
      List<String> lines = new ArrayList<>();
      for (Map.Entry<String, Long> entry : entries.subList(0, Math.min(n, entries.size()))) {
        lines.add(String.format(Locale.ROOT, "%7d × %s", entry.getValue(), entry.getKey()));
      }
      return lines;
    }
  }

  private static final AtomicLong STATEMENTS = new AtomicLong();
  private static final AtomicLong COMMITS = new AtomicLong();
  private static final AtomicLong ROLLBACKS = new AtomicLong();
  private static final AtomicLong AUTO_COMMIT_SETS = new AtomicLong();
  private static final AtomicLong PINGS = new AtomicLong();
  private static final Map<String, LongAdder> BY_SQL = new ConcurrentHashMap<>();
  private static final Map<String, String> SHORTENED = new ConcurrentHashMap<>();
  private static final Map<String, Boolean> WRITES = new ConcurrentHashMap<>();
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final Driver delegate;

  private CountingDriver(Driver delegate) {
    this.delegate = delegate;
  }

  /** Puts a counting driver in front of every registered H2 and MySQL driver. */
  static void install() throws SQLException {
    for (Driver driver : Collections.list(DriverManager.getDrivers())) {
      if (driver.acceptsURL("jdbc:h2:mem:x") || driver.acceptsURL("jdbc:mysql://x/y")) {
        DriverManager.deregisterDriver(driver);
        DriverManager.registerDriver(new CountingDriver(driver));
      }
    }
  }

  static Counts now() {
    Map<String, Long> bySql = new HashMap<>();
    BY_SQL.forEach((sql, count) -> bySql.put(sql, count.sum()));
    return new Counts(
        STATEMENTS.get(),
        COMMITS.get(),
        ROLLBACKS.get(),
        AUTO_COMMIT_SETS.get(),
        PINGS.get(),
        bySql);
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    Connection real = delegate.connect(url, info);
    if (real == null) {
      return null;
    }
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new ConnectionCounter(real));
  }

  @Override
  public boolean acceptsURL(String url) throws SQLException {
    return delegate.acceptsURL(url);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    return delegate.getPropertyInfo(url, info);
  }

  @Override
  public int getMajorVersion() {
    return delegate.getMajorVersion();
  }

  @Override
  public int getMinorVersion() {
    return delegate.getMinorVersion();
  }

  @Override
  public boolean jdbcCompliant() {
    return delegate.jdbcCompliant();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  private static void statement(String sql) {
    STATEMENTS.incrementAndGet();
    BY_SQL.computeIfAbsent(shorten(sql), key -> new LongAdder()).increment();
  }

  /**
   * Each statement's text is shortened once: a regex per statement cost the gateway's path a few
   * per cent of its CPU in the benchmark, which the no-op relay (no database) does not pay.
   */
  private static String shorten(String sql) {
    return SHORTENED.computeIfAbsent(
        sql,
        key -> {
          String flat = WHITESPACE.matcher(key).replaceAll(" ").trim();
          return flat.length() > 90 ? flat.substring(0, 90) + "…" : flat;
        });
  }

  private static boolean isWrite(String sql) {
    return WRITES.computeIfAbsent(
        sql,
        key -> {
          String head = key.stripLeading().toUpperCase(Locale.ROOT);
          return head.startsWith("INSERT")
              || head.startsWith("UPDATE")
              || head.startsWith("DELETE")
              || head.startsWith("MERGE");
        });
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static final class ConnectionCounter implements InvocationHandler {
    private final Connection real;
    private volatile boolean autoCommit;

    ConnectionCounter(Connection real) throws SQLException {
      this.real = real;
      this.autoCommit = real.getAutoCommit();
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "commit" -> {
          COMMITS.incrementAndGet();
          statement("COMMIT");
        }
        case "rollback" -> {
          if (args == null || args.length == 0) {
            ROLLBACKS.incrementAndGet();
            statement("ROLLBACK");
          }
        }
        case "setAutoCommit" -> {
          AUTO_COMMIT_SETS.incrementAndGet();
          statement("SET autocommit=" + ((Boolean) args[0] ? 1 : 0));
          autoCommit = (Boolean) args[0];
        }
        case "isValid" -> PINGS.incrementAndGet();
        case "unwrap", "isWrapperFor" -> {
          return CountingDriver.invoke(real, method, args);
        }
        default -> {
          // counted below when it makes a statement
        }
      }
      Object result = CountingDriver.invoke(real, method, args);
      if (result instanceof Statement statement) {
        String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
        Class<?> type =
            method.getReturnType().isInterface() ? method.getReturnType() : Statement.class;
        return Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {type},
            new StatementCounter(statement, sql, this));
      }
      return result;
    }
  }

  private static final class StatementCounter implements InvocationHandler {
    private final Statement real;
    private final String preparedSql;
    private final ConnectionCounter connection;

    StatementCounter(Statement real, String preparedSql, ConnectionCounter connection) {
      this.real = real;
      this.preparedSql = preparedSql;
      this.connection = connection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (name.startsWith("execute")) {
        String sql =
            args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
        if (sql == null) {
          sql = "?";
        }
        statement(sql);
        if (connection.autoCommit && isWrite(sql)) {
          COMMITS.incrementAndGet();
        }
      }
      return CountingDriver.invoke(real, method, args);
    }
  }
}
