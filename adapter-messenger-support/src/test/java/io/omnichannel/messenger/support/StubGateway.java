package io.omnichannel.messenger.support;

import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.port.in.Admission;
import io.omnichannel.core.port.in.InboundGateway;
import io.omnichannel.core.port.in.RawEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A gateway that stores what it is handed in a list and answers as it is told. */
final class StubGateway implements InboundGateway {
  final List<RawEvent> stored = new CopyOnWriteArrayList<>();
  volatile Acceptance answer = Acceptance.STORED;
  volatile String secret = "right";
  volatile RuntimeException failure;

  @Override
  public Admission admitWebhookUpdate(ConnectionId connection, String presentedSecret) {
    if (!secret.equals(presentedSecret)) {
      return new Admission.Answered(Acceptance.UNAUTHORIZED);
    }
    return (Admission.Admitted) event -> accept(event);
  }

  @Override
  public Acceptance acceptPolledUpdate(ConnectionId connection, RawEvent update) {
    return accept(update);
  }

  private Acceptance accept(RawEvent event) {
    if (failure != null) {
      throw failure;
    }
    if (answer == Acceptance.STORED) {
      stored.add(event);
    }
    return answer;
  }

  @Override
  public Admission admitLineEvent(ConnectionId connection, String login, String password) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Admission admitManagementEvent(String login, String password) {
    throw new UnsupportedOperationException();
  }
}
