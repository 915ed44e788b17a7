package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.InboundRecord;
import java.util.Objects;

/**
 * A row stored under the same ordering key (the same chat) as a claimed one.
 *
 * @param waiting not finished yet: it queues behind the claimed row
 */
public record InboxNeighbour(long id, InboundRecord record, boolean waiting) {
  public InboxNeighbour {
    Objects.requireNonNull(record, "record");
  }
}
