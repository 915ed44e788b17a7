package io.omnichannel.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

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

  /**
   * The user's subscription to the line changed (F9): {@code removed} when the line was taken from
   * the user or switched off (a ban), else it was added or changed and holds until {@code expires}
   * (empty: no end). How 1C-Connect tells a line hook of a ban as it happens.
   */
  record SubscriptionChanged(
      LineId line, PlatformUserId user, boolean removed, Optional<Instant> expires)
      implements LineEvent {
    public SubscriptionChanged {
      Objects.requireNonNull(line, "line");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(expires, "expires");
    }

    /** Whether the user may not write on the line at {@code now}: removed, or ended by then. */
    public boolean endsUse(Instant now) {
      return removed || expires.map(end -> !end.isAfter(now)).orElse(false);
    }
  }
}
