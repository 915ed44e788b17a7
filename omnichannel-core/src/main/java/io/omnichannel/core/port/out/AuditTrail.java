package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.AuditEntry;
import io.omnichannel.core.domain.CompanyId;
import java.util.List;

/** Who did what to the company's connections, and when (B5). */
public interface AuditTrail {
  void record(AuditEntry entry);

  List<AuditEntry> of(CompanyId company);
}
