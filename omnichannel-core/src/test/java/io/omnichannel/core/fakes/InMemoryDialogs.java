package io.omnichannel.core.fakes;

import io.omnichannel.core.domain.DialogState;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.port.out.DialogRepository;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryDialogs implements DialogRepository {
  private final Map<PlatformUserId, DialogState> states = new ConcurrentHashMap<>();

  @Override
  public Optional<DialogState> load(PlatformUserId specialist) {
    return Optional.ofNullable(states.get(specialist));
  }

  @Override
  public void save(PlatformUserId specialist, DialogState state) {
    states.put(specialist, state);
  }
}
