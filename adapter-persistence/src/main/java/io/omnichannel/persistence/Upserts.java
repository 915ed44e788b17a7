package io.omnichannel.persistence;

/**
 * Update, else insert, else (a concurrent insert won) update again: portable across MariaDB, MySQL
 * and H2 without ON DUPLICATE KEY's deprecated VALUES(). Both statements take the same parameters
 * in the same order. MySQL's driver reports matched (not changed) rows, so an unchanged row still
 * counts.
 */
final class Upserts {
  private Upserts() {}

  static void updateOrInsert(Db db, String update, String insert, Object... params) {
    if (db.update(update, params) > 0) {
      return;
    }
    try {
      db.update(insert, params);
    } catch (SqlErrors.DuplicateRow raced) {
      db.update(update, params);
    }
  }
}
