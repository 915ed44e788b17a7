package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/** What the messenger says about a bot (getMe): its id, @username and display name. */
public record BotProfile(BotId id, String username, String displayName) {
  public BotProfile {
    Objects.requireNonNull(id, "id");
    checkArgument(username != null && !username.isBlank(), "bot username must not be blank");
    checkArgument(
        displayName != null && !displayName.isBlank(), "bot display name must not be blank");
  }

  /** "@username", as the chat shows it. */
  public String mention() {
    return "@" + username;
  }
}
