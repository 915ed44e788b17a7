package io.omnichannel.launcher.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.InboundKind;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.fakes.InMemoryInbox;
import io.omnichannel.core.port.out.EventInbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CorrelatingTest {
  @AfterEach
  void clear() {
    MDC.clear();
  }

  private static InboundRecord record(InboundKind kind, String eventId) {
    return new InboundRecord(
        kind, Optional.of(new ConnectionId("c-7")), eventId, "chat-1", "{}", Instant.EPOCH);
  }

  @Test
  void aClaimedUpdatePutsItsQueueRowConnectionAndUpdateIdIntoTheMdc() {
    EventInbox inbox = Correlating.inbox(new InMemoryInbox());
    inbox.store(record(InboundKind.CHANNEL_UPDATE, "telegram:123456:900"));
    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();

    long row = inbox.claimNext(Instant.EPOCH, Duration.ofSeconds(10)).orElseThrow().id();

    assertThat(MDC.get(Correlation.QUEUE)).isEqualTo("inbox");
    assertThat(MDC.get(Correlation.QUEUE_ROW)).isEqualTo(Long.toString(row));
    assertThat(MDC.get(Correlation.CONNECTION)).isEqualTo("c-7");
    assertThat(MDC.get(Correlation.UPDATE_ID)).isEqualTo("900");
    assertThat(MDC.get(Correlation.LINE_MESSAGE_ID)).isNull();
  }

  @Test
  void aClaimedLineEventNamesItsLineMessageId() {
    EventInbox inbox = Correlating.inbox(new InMemoryInbox());
    inbox.store(record(InboundKind.LINE_EVENT, "platform:9f1c-77"));

    inbox.claimNext(Instant.EPOCH, Duration.ofSeconds(10)).orElseThrow();

    assertThat(MDC.get(Correlation.LINE_MESSAGE_ID)).isEqualTo("9f1c-77");
    assertThat(MDC.get(Correlation.UPDATE_ID)).isNull();
  }

  @Test
  void anIdWithALineBreakCannotForgeALogLine() {
    EventInbox inbox = Correlating.inbox(new InMemoryInbox());
    inbox.store(record(InboundKind.LINE_EVENT, "platform:m-1\n[FORGED] WARN admin"));

    inbox.claimNext(Instant.EPOCH, Duration.ofSeconds(10)).orElseThrow();

    assertThat(MDC.get(Correlation.LINE_MESSAGE_ID)).isEqualTo("m-1\\n[FORGED] WARN admin");
  }

  @Test
  void nothingClaimedPutsNothing() {
    EventInbox inbox = Correlating.inbox(new InMemoryInbox());

    assertThat(inbox.claimNext(Instant.EPOCH, Duration.ofSeconds(10))).isEmpty();

    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
  }
}
