package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.DialogState;
import io.omnichannel.core.domain.Menu;
import java.util.Objects;

/** One step of the management dialog: the state it leads to, and what the specialist is shown. */
record DialogReply(DialogState next, String text, Menu menu) {
  DialogReply {
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(menu, "menu");
  }
}
