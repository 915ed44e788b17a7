package io.omnichannel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A claim reads the oldest unfinished rows in the order of the queue's index and stops at its
 * limit: a plan that sorts instead reads every unfinished row, and under a backlog of thousands
 * each claim cost milliseconds of the gateway's CPU (embedded H2, issue 13). MariaDB reads such an
 * index in order by itself.
 */
class ClaimPlansTest extends DatabaseTest {
  ClaimPlansTest() {
    super(TestDatabase.h2());
  }

  @Test
  void theInboxClaimReadsItsIndexInOrderInsteadOfSortingTheBacklog() throws Exception {
    String plan = RawRows.dump(database, "EXPLAIN " + JdbcQueue.headsSql("inbox", 4), 0L, 0L);

    assertThat(plan).contains("ix_inbox_heads").contains("index sorted");
  }

  @Test
  void theOutboxClaimReadsItsIndexInOrderInsteadOfSortingTheBacklog() throws Exception {
    String plan = RawRows.dump(database, "EXPLAIN " + JdbcOutbox.HEADS, 0L, 0L);

    assertThat(plan).contains("ix_outbox_heads").contains("index sorted");
  }

  @Test
  void theOutboxClaimPassingOverFullSendersStillReadsItsIndexInOrder() throws Exception {
    String plan = RawRows.dump(database, "EXPLAIN " + JdbcOutbox.heads(2), 0L, 0L, "a", "b");

    assertThat(plan).contains("ix_outbox_heads").contains("index sorted");
  }
}
