package io.omnichannel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.OutboundPost;
import io.omnichannel.core.domain.OutboxMessage;
import org.junit.jupiter.api.Test;

/**
 * A claim passes over the rows it cannot take (of a full sender, not due, leased, behind another of
 * their chat) in the queue's index, without reading the rows themselves: under a backlog at a bot's
 * limit each row read was a lookup, ≈360 per claim and two thirds of MariaDB's time in the pacing
 * benchmark (issue 14).
 */
class MariaDbClaimPlansTest extends DatabaseTest {
  MariaDbClaimPlansTest() {
    super(TestDatabase.mariaDb());
  }

  @Test
  void theOutboxClaimPassesOverFullSendersRowsInItsIndex() throws Exception {
    for (int message = 0; message < 4; message++) {
      for (int chat = 0; chat < 10; chat++) {
        for (String bot : new String[] {"a", "b"}) {
          db.outbox()
              .enqueue(
                  new OutboxMessage(
                      new ConnectionId(bot),
                      new ChatId(Integer.toString(chat)),
                      new AccountId(bot + chat),
                      new OutboundPost.Text("#" + message, Keyboard.UNCHANGED),
                      bot + chat + "#" + message));
        }
      }
    }

    String plan = RawRows.dump(database, "EXPLAIN " + JdbcOutbox.heads(2), 0L, 0L, "a", "b");

    // the head rows' own step: the index alone ("Using index"), no row read for a row passed over
    String heads = plan.substring(plan.indexOf("table=q\n"), plan.indexOf("table=o\n"));
    assertThat(heads).contains("key=ix_outbox_heads").contains("Extra=Using where; Using index\n");
  }

  @Test
  void theInboxClaimReadsItsHeadsIndex() throws Exception {
    String plan = RawRows.dump(database, "EXPLAIN " + JdbcQueue.headsSql("inbox", 4), 0L, 0L);

    assertThat(plan).contains("ix_inbox_heads");
  }
}
