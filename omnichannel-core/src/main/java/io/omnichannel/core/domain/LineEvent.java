package io.omnichannel.core.domain;

import java.util.Objects;

/**
 * What 1C-Connect tells the gateway about a line's chat with one user, already mapped from its hook
 * JSON.
 */
public sealed interface LineEvent {
  LineId line();

  PlatformUserId user();

  /**
   * A specialist (or the line's bot) wrote to the user: text or a file, perhaps with a menu or link
   * button.
   */
  record SpecialistMessage(
      LineId line,
      PlatformUserId user,
      PlatformUserId author,
      MessageContent content,
      Keyboard keyboard)
      implements LineEvent {
    public SpecialistMessage {
      Objects.requireNonNull(line, "line");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(author, "author");
      Objects.requireNonNull(content, "content");
      Objects.requireNonNull(keyboard, "keyboard");
    }
  }

  /**
   * The user of the chat wrote: on a connected line this is the echo of our own delivery (never
   * relayed back); on the management line it is a specialist talking to the dialog.
   */
  record UserMessage(LineId line, PlatformUserId user, String text) implements LineEvent {
    public UserMessage {
      Objects.requireNonNull(line, "line");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(text, "text");
    }
  }

  /** The line removed the digital menu it had shown the user. */
  record KeyboardDropped(LineId line, PlatformUserId user) implements LineEvent {
    public KeyboardDropped {
      Objects.requireNonNull(line, "line");
      Objects.requireNonNull(user, "user");
    }
  }

  /** Treatment opened/closed, calls, hand-overs: known kinds the relay has nothing to do with. */
  record Ignored(LineId line, PlatformUserId user, String kind) implements LineEvent {
    public Ignored {
      Objects.requireNonNull(line, "line");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(kind, "kind");
    }
  }
}
