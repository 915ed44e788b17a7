package io.omnichannel.core.fakes;

import io.omnichannel.core.domain.AuditEntry;
import io.omnichannel.core.domain.AuditEntry.AuditAction;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.DroppedMessage;
import io.omnichannel.core.port.out.AuditTrail;
import io.omnichannel.core.port.out.DroppedMessageLog;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The dropped-message log and the audit trail, in memory. */
public final class InMemoryLogs implements DroppedMessageLog, AuditTrail {
  private final List<DroppedMessage> dropped = new CopyOnWriteArrayList<>();
  private final List<AuditEntry> audit = new CopyOnWriteArrayList<>();

  @Override
  public void record(DroppedMessage message) {
    dropped.add(message);
  }

  @Override
  public List<DroppedMessage> of(ConnectionId connection) {
    return dropped.stream().filter(d -> d.connection().equals(connection)).toList();
  }

  @Override
  public void record(AuditEntry entry) {
    audit.add(entry);
  }

  @Override
  public List<AuditEntry> of(CompanyId company) {
    return audit.stream().filter(a -> a.company().equals(company)).toList();
  }

  @Override
  public List<AuditEntry> newest(
      Optional<CompanyId> company, Optional<AuditAction> action, int limit) {
    return audit.stream()
        .filter(a -> company.map(a.company()::equals).orElse(true))
        .filter(a -> action.map(a.action()::equals).orElse(true))
        .sorted(Comparator.comparing(AuditEntry::at).reversed())
        .limit(limit)
        .toList();
  }

  public List<DroppedMessage> dropped() {
    return List.copyOf(dropped);
  }

  public List<AuditEntry> audit() {
    return List.copyOf(audit);
  }
}
