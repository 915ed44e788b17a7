package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.DialogState;
import io.omnichannel.core.domain.PlatformUserId;
import java.util.Optional;

/** Where each specialist is in the management line's menu; survives restarts (F1). */
public interface DialogRepository {
  Optional<DialogState> load(PlatformUserId specialist);

  void save(PlatformUserId specialist, DialogState state);
}
