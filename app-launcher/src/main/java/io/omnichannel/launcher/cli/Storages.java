package io.omnichannel.launcher.cli;

import io.omnichannel.launcher.config.LauncherConfig;
import io.omnichannel.persistence.PersistenceConfig;

/** From the launcher's storage settings to the persistence adapter's configuration. */
final class Storages {
  private Storages() {}

  static PersistenceConfig persistenceConfig(LauncherConfig.Storage storage) {
    PersistenceConfig config =
        storage
            .database()
            .map(
                db ->
                    PersistenceConfig.server(
                        db.jdbcUrl(),
                        db.user(),
                        db.password().map(p -> p.reveal()).orElse(""),
                        storage.dataDir()))
            .orElseGet(() -> PersistenceConfig.embedded(storage.dataDir()));
    return storage.masterKey().map(key -> config.withMasterKey(key.reveal())).orElse(config);
  }
}
