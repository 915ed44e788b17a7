package io.omnichannel.testkit.telegram;

/** A bot the emulator knows: what getMe answers, plus its token. */
public record BotInfo(
    String token,
    long id,
    String firstName,
    String username,
    boolean canJoinGroups,
    boolean canReadAllGroupMessages) {

  public BotInfo {
    if (!Tokens.isWellFormed(token)) {
      throw new IllegalArgumentException("token must look like <digits>:<35 of [A-Za-z0-9_-]>");
    }
    if (username == null || !username.toLowerCase(java.util.Locale.ROOT).endsWith("bot")) {
      throw new IllegalArgumentException("bot username must end in 'bot': " + username);
    }
    if (firstName == null || firstName.isBlank()) {
      throw new IllegalArgumentException("firstName is required");
    }
  }
}
