package io.omnichannel.persistence;

import static com.google.common.base.Preconditions.checkArgument;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the database is and how to open it.
 *
 * @param jdbcUrl {@code jdbc:mysql://…} (MySQL 8, MariaDB 10.11) or {@code jdbc:h2:…} (embedded)
 * @param dataFolder where the embedded database and a generated master key live
 * @param masterKey base64 of a 256-bit key that seals secrets; when empty, {@code
 *     <dataFolder>/master.key} is read, or generated on first start
 * @param retiredMasterKeys older keys (base64) still accepted for unsealing, never for sealing
 * @param poolSize the most connections each of the two pools opens (one for statements in
 *     auto-commit, one for transactions)
 */
public record PersistenceConfig(
    String jdbcUrl,
    String user,
    String password,
    Path dataFolder,
    Optional<String> masterKey,
    List<String> retiredMasterKeys,
    int poolSize) {
  public static final int DEFAULT_POOL_SIZE = 10;

  public PersistenceConfig {
    checkArgument(
        jdbcUrl != null && (jdbcUrl.startsWith("jdbc:mysql:") || jdbcUrl.startsWith("jdbc:h2:")),
        "jdbcUrl must start with jdbc:mysql: or jdbc:h2:");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(dataFolder, "dataFolder");
    Objects.requireNonNull(masterKey, "masterKey");
    retiredMasterKeys = List.copyOf(Objects.requireNonNull(retiredMasterKeys, "retiredMasterKeys"));
    checkArgument(poolSize >= 1 && poolSize <= 200, "poolSize must be between 1 and 200");
  }

  /**
   * The embedded default: an H2 file database in MySQL mode at {@code <dataFolder>/omnichannel}.
   */
  public static PersistenceConfig embedded(Path dataFolder) {
    return new PersistenceConfig(
        embeddedUrl(dataFolder),
        "sa",
        "",
        dataFolder,
        Optional.empty(),
        List.of(),
        DEFAULT_POOL_SIZE);
  }

  /**
   * A MySQL or MariaDB server; the master key is generated into the data folder unless given with
   * {@link #withMasterKey}.
   */
  public static PersistenceConfig server(
      String jdbcUrl, String user, String password, Path dataFolder) {
    return new PersistenceConfig(
        jdbcUrl, user, password, dataFolder, Optional.empty(), List.of(), DEFAULT_POOL_SIZE);
  }

  static String embeddedUrl(Path dataFolder) {
    // The file lock of H2 lets one process open the database: the embedded engine serves one
    // instance.
    // WRITE_DELAY=0: a commit reaches the file before it returns, so what was acknowledged survives
    // a kill
    // (H2's default delays the write by up to half a second).
    // TRACE_LEVEL_FILE=0: no omnichannel.trace.db. H2 would write its errors there with the SQL
    // and its parameters, beside the data and outside the logs; the errors reach the gateway as
    // SQLExceptions anyway.
    // DB_CLOSE_ON_EXIT=FALSE: on SIGTERM the service's own shutdown hook stops the gateway, which
    // still writes (polling leases released) before it closes the pool; H2's hook would close the
    // database under it, in parallel.
    // QUERY_CACHE_SIZE=128: each connection keeps the parsed form of every statement the gateway
    // uses (H2's 8 made most statements be parsed again: a tenth of the CPU of a relayed message).
    return "jdbc:h2:file:"
        + dataFolder.toAbsolutePath().resolve("omnichannel")
        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0;TRACE_LEVEL_FILE=0"
        + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=128";
  }

  public PersistenceConfig withMasterKey(String base64) {
    return new PersistenceConfig(
        jdbcUrl, user, password, dataFolder, Optional.of(base64), retiredMasterKeys, poolSize);
  }

  public PersistenceConfig withRetiredMasterKeys(List<String> base64Keys) {
    return new PersistenceConfig(
        jdbcUrl, user, password, dataFolder, masterKey, base64Keys, poolSize);
  }

  public PersistenceConfig withPoolSize(int size) {
    return new PersistenceConfig(
        jdbcUrl, user, password, dataFolder, masterKey, retiredMasterKeys, size);
  }

  boolean isEmbedded() {
    return jdbcUrl.startsWith("jdbc:h2:");
  }

  @Override
  public String toString() {
    return "PersistenceConfig["
        + jdbcUrl.replaceAll("(?i)password=[^&;]*", "password=***")
        + ", user="
        + user
        + ", password=***, dataFolder="
        + dataFolder
        + ", masterKey="
        + (masterKey.isPresent() ? "***" : "from file")
        + ", retiredMasterKeys="
        + retiredMasterKeys.size()
        + ", poolSize="
        + poolSize
        + "]";
  }
}
