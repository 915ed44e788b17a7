package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.AuditEntry;
import io.omnichannel.core.domain.AuditEntry.AuditAction;
import io.omnichannel.core.domain.CompanyId;
import java.util.List;
import java.util.Optional;

/** Who did what to the company's connections, and when (B5). */
public interface AuditTrail {
  void record(AuditEntry entry);

  List<AuditEntry> of(CompanyId company);

  /**
   * The newest entries first, at most {@code limit}, of one company and of one action when given.
   */
  List<AuditEntry> newest(Optional<CompanyId> company, Optional<AuditAction> action, int limit);
}
