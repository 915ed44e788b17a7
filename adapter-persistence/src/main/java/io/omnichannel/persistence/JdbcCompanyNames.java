package io.omnichannel.persistence;

import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.port.out.CompanyNames;
import java.util.LinkedHashMap;
import java.util.Map;

/** The names of the companies met, one row each, the newest name kept. */
final class JdbcCompanyNames implements CompanyNames {
  private static final int NAME_MAX = 255;

  private final Db db;

  JdbcCompanyNames(Db db) {
    this.db = db;
  }

  @Override
  public void remember(CompanyId company, String name) {
    // parameters in the same order for both statements
    Upserts.updateOrInsert(
        db,
        "UPDATE companies SET name = ? WHERE company_id = ?",
        "INSERT INTO companies (name, company_id) VALUES (?, ?)",
        Text.clip(name, NAME_MAX),
        company.value());
  }

  @Override
  public Map<CompanyId, String> all() {
    Map<CompanyId, String> names = new LinkedHashMap<>();
    db.query(
            "SELECT company_id, name FROM companies ORDER BY name, company_id",
            row -> Map.entry(new CompanyId(row.getString(1)), row.getString(2)))
        .forEach(entry -> names.put(entry.getKey(), entry.getValue()));
    return names;
  }
}
