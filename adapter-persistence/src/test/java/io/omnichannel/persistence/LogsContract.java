package io.omnichannel.persistence;

import static io.omnichannel.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.AuditEntry;
import io.omnichannel.core.domain.AuditEntry.AuditAction;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.Direction;
import io.omnichannel.core.domain.DroppedMessage;
import io.omnichannel.core.domain.DroppedMessage.DropReason;
import io.omnichannel.core.domain.PlatformUserId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dropped-message log (F9) and the audit trail (B5). */
abstract class LogsContract extends DatabaseTest {
  LogsContract(TestDatabase database) {
    super(database);
  }

  @Test
  void recordsDroppedMessagesPerConnectionInOrder() {
    ConnectionId connection = new ConnectionId("conn-1");
    DroppedMessage banned =
        new DroppedMessage(
            connection,
            Optional.of(new AccountId("acc-1")),
            Direction.TO_LINE,
            DropReason.BANNED,
            "tg:1001:5",
            T0);
    DroppedMessage unknown =
        new DroppedMessage(
            connection,
            Optional.empty(),
            Direction.TO_CHANNEL,
            DropReason.UNKNOWN_RECIPIENT,
            "1c:msg-9",
            T0.plusSeconds(1));
    db.droppedMessages().record(banned);
    db.droppedMessages().record(unknown);
    db.droppedMessages()
        .record(
            new DroppedMessage(
                new ConnectionId("conn-2"),
                Optional.empty(),
                Direction.TO_LINE,
                DropReason.DISCONNECTED,
                "tg:1002:1",
                T0));

    assertThat(db.droppedMessages().of(connection)).containsExactly(banned, unknown);
  }

  @Test
  void recordsTheAuditTrailPerCompany() {
    CompanyId company = new CompanyId("company-1");
    AuditEntry connected =
        new AuditEntry(
            T0.plusSeconds(5),
            company,
            new PlatformUserId("anna"),
            AuditAction.CONNECTED,
            "линия «Поддержка 🚀», бот @bot1001_bot");
    AuditEntry issued =
        new AuditEntry(
            T0, company, new PlatformUserId("anna"), AuditAction.CONFIRMATION_ISSUED, "");
    db.auditTrail().record(connected);
    db.auditTrail().record(issued);
    db.auditTrail()
        .record(
            new AuditEntry(
                T0,
                new CompanyId("company-2"),
                new PlatformUserId("boris"),
                AuditAction.DISCONNECTED,
                "x"));

    assertThat(db.auditTrail().of(company)).containsExactly(issued, connected);
  }

  @Test
  void theNewestAuditEntriesAreFilteredByCompanyAndByAction() {
    AuditEntry first =
        new AuditEntry(
            T0, new CompanyId("c-1"), new PlatformUserId("anna"), AuditAction.CONNECTED, "a");
    AuditEntry second =
        new AuditEntry(
            T0.plusSeconds(1),
            new CompanyId("c-2"),
            new PlatformUserId("boris"),
            AuditAction.CONNECTED,
            "b");
    AuditEntry third =
        new AuditEntry(
            T0.plusSeconds(2),
            new CompanyId("c-1"),
            new PlatformUserId("anna"),
            AuditAction.DISCONNECTED,
            "c");
    List.of(first, second, third).forEach(db.auditTrail()::record);

    assertThat(db.auditTrail().newest(Optional.empty(), Optional.empty(), 10))
        .containsExactly(third, second, first);
    assertThat(db.auditTrail().newest(Optional.empty(), Optional.empty(), 2))
        .containsExactly(third, second);
    assertThat(db.auditTrail().newest(Optional.of(new CompanyId("c-1")), Optional.empty(), 10))
        .containsExactly(third, first);
    assertThat(
            db.auditTrail()
                .newest(Optional.of(new CompanyId("c-1")), Optional.of(AuditAction.CONNECTED), 10))
        .containsExactly(first);
    assertThat(db.auditTrail().newest(Optional.empty(), Optional.of(AuditAction.CONNECTED), 10))
        .containsExactly(second, first);
  }

  @Test
  void aCompanysNameIsRememberedAndARenameReplacesIt() {
    db.companyNames().remember(new CompanyId("c-1"), "ООО «Ромашка»");
    db.companyNames().remember(new CompanyId("c-2"), "Лютик");
    db.companyNames().remember(new CompanyId("c-1"), "АО «Ромашка» 🌼");

    assertThat(db.companyNames().all())
        .isEqualTo(Map.of(new CompanyId("c-1"), "АО «Ромашка» 🌼", new CompanyId("c-2"), "Лютик"));
  }
}
