package io.omnichannel.core.domain;

import java.util.Objects;

/** What a message from the line does to the user's buttons. */
public sealed interface Keyboard {
  /** Leave whatever the user has. */
  record Unchanged() implements Keyboard {}

  /** Show a digital menu as the messenger's keyboard of text buttons. */
  record ShowMenu(Menu menu) implements Keyboard {
    public ShowMenu {
      Objects.requireNonNull(menu, "menu");
    }
  }

  /** The line dropped its keyboard. */
  record Remove() implements Keyboard {}

  /** A broadcast's link button, shown under the message. */
  record Link(LinkButton button) implements Keyboard {
    public Link {
      Objects.requireNonNull(button, "button");
    }
  }

  Keyboard UNCHANGED = new Unchanged();
  Keyboard REMOVE = new Remove();
}
