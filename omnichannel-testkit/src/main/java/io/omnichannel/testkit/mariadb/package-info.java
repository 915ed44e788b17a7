/**
 * Scratch databases on a MariaDB (or MySQL) server for tests and benchmarks: the one helper every
 * module's database tests use.
 *
 * <pre>{@code
 * try (ScratchMariaDb db = ScratchMariaDb.create()) {     // skips the test when no server answers
 *   PersistenceConfig config = PersistenceConfig.server(db.url(), db.user(), db.password(), data);
 *   // … a second gateway on the same database takes the same three settings
 * }                                                       // the database is dropped
 * }</pre>
 *
 * The server comes from {@code OMNICHANNEL_TEST_MARIADB_URL}, {@code _USER} and {@code _PASSWORD}
 * (default {@code jdbc:mysql://127.0.0.1:3306/}, root, no password); {@code
 * OMNICHANNEL_REQUIRE_MARIADB=true} (CI) turns a skip into a failure. Uses {@code java.sql} and
 * opentest4j's {@code TestAbortedException} only, not JUnit; the JDBC driver is the caller's.
 */
package io.omnichannel.testkit.mariadb;
