package io.omnichannel.persistence;

import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.domain.failure.StorageUnavailable;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.Outbox;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The real outbox behind a switch: from the chosen call on, every call fails as in a database cut,
 * until {@link #restore}. It puts the cut exactly between a send and its completion.
 */
final class CuttableOutbox implements Outbox {
  private final Outbox outbox;
  private String cutAt = "";
  private boolean down;

  CuttableOutbox(Outbox outbox) {
    this.outbox = outbox;
  }

  /** The database goes away when {@code call} (complete, retryAt, …) comes. */
  void cutAt(String call) {
    cutAt = call;
  }

  void restore() {
    down = false;
    cutAt = "";
  }

  private void check(String call) {
    if (call.equals(cutAt)) {
      down = true;
    }
    if (down) {
      throw new StorageUnavailable(
          "database failed in " + call, new SQLException("connection lost", "08S01"));
    }
  }

  @Override
  public void enqueue(OutboxMessage message) {
    check("enqueue");
    outbox.enqueue(message);
  }

  @Override
  public void holdFollowing(Claimed<OutboxMessage> sent, Instant notBefore) {
    check("holdFollowing");
    outbox.holdFollowing(sent, notBefore);
  }

  @Override
  public Optional<Claimed<OutboxMessage>> claimNext(Instant now, Duration lease) {
    check("claimNext");
    return outbox.claimNext(now, lease);
  }

  @Override
  public boolean renew(Claimed<OutboxMessage> claimed, Instant until) {
    check("renew");
    return outbox.renew(claimed, until);
  }

  @Override
  public void complete(Claimed<OutboxMessage> claimed) {
    check("complete");
    outbox.complete(claimed);
  }

  @Override
  public void retryAt(Claimed<OutboxMessage> claimed, Instant next, String reason) {
    check("retryAt");
    outbox.retryAt(claimed, next, reason);
  }

  @Override
  public void postpone(Claimed<OutboxMessage> claimed, Instant next, String reason) {
    check("postpone");
    outbox.postpone(claimed, next, reason);
  }

  @Override
  public void bury(Claimed<OutboxMessage> claimed, String reason) {
    check("bury");
    outbox.bury(claimed, reason);
  }
}
