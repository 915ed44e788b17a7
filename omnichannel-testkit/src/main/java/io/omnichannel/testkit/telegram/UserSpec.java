package io.omnichannel.testkit.telegram;

/**
 * A Telegram user who talks to a bot; {@code lastName}, {@code username} and {@code languageCode}
 * may be null.
 */
public record UserSpec(
    long id, String firstName, String lastName, String username, String languageCode) {

  public UserSpec {
    if (id <= 0) {
      throw new IllegalArgumentException("user id must be positive, was " + id);
    }
    if (firstName == null || firstName.isBlank()) {
      throw new IllegalArgumentException("firstName is required");
    }
  }

  public static UserSpec of(long id, String firstName) {
    return new UserSpec(id, firstName, null, null, "ru");
  }

  public static UserSpec of(long id, String firstName, String lastName, String username) {
    return new UserSpec(id, firstName, lastName, username, "ru");
  }
}
