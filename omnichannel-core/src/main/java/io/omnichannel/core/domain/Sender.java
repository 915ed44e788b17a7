package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.Optional;

/** Who wrote a message in a chat: its current name (renames show on new messages only, F10). */
public record Sender(String displayName, Optional<String> username) {
  public Sender {
    checkArgument(displayName != null && !displayName.isBlank(), "sender name must not be blank");
    Objects.requireNonNull(username, "username");
  }
}
