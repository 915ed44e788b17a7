package io.omnichannel.persistence;

import io.omnichannel.core.domain.AuditEntry;
import io.omnichannel.core.domain.AuditEntry.AuditAction;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.port.out.AuditTrail;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Management actions per company (B5), in the order they happened. */
final class JdbcAuditTrail implements AuditTrail {
  private static final int DETAILS_MAX = 2000;
  private static final String INSERT =
      """
      INSERT INTO audit_entries (occurred_at, company_id, specialist_id, action, details) VALUES (?, ?, ?, ?, ?)
      """;

  private final Db db;

  JdbcAuditTrail(Db db) {
    this.db = db;
  }

  @Override
  public void record(AuditEntry e) {
    db.update(
        INSERT,
        Micros.of(e.at()),
        e.company().value(),
        e.specialist().value(),
        e.action().name(),
        Text.clip(e.details(), DETAILS_MAX));
  }

  @Override
  public List<AuditEntry> of(CompanyId company) {
    return db.query(
        "SELECT * FROM audit_entries WHERE company_id = ? ORDER BY occurred_at, id",
        JdbcAuditTrail::map,
        company.value());
  }

  @Override
  public List<AuditEntry> newest(
      Optional<CompanyId> company, Optional<AuditAction> action, int limit) {
    StringBuilder sql = new StringBuilder("SELECT * FROM audit_entries WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    company.ifPresent(
        c -> {
          sql.append(" AND company_id = ?");
          params.add(c.value());
        });
    action.ifPresent(
        a -> {
          sql.append(" AND action = ?");
          params.add(a.name());
        });
    sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ?");
    params.add(limit);
    return db.query(sql.toString(), JdbcAuditTrail::map, params.toArray());
  }

  private static AuditEntry map(ResultSet row) throws SQLException {
    return new AuditEntry(
        Micros.instant(row, "occurred_at"),
        new CompanyId(row.getString("company_id")),
        new PlatformUserId(row.getString("specialist_id")),
        AuditAction.valueOf(row.getString("action")),
        row.getString("details"));
  }
}
