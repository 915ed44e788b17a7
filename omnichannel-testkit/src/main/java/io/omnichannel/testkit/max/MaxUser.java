package io.omnichannel.testkit.max;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A MAX user the scenarios act as.
 *
 * @param userId positive
 * @param lastName may be null
 * @param username may be null
 */
public record MaxUser(long userId, String firstName, String lastName, String username) {
  public MaxUser {
    if (userId <= 0) {
      throw new IllegalArgumentException("userId must be positive, was " + userId);
    }
    if (firstName == null || firstName.isBlank()) {
      throw new IllegalArgumentException("firstName is required");
    }
  }

  public static MaxUser of(long userId, String firstName) {
    return new MaxUser(userId, firstName, null, null);
  }

  public static MaxUser of(long userId, String firstName, String lastName, String username) {
    return new MaxUser(userId, firstName, lastName, username);
  }

  /** "first last" — the deprecated {@code name} field. */
  public String name() {
    return lastName == null ? firstName : firstName + " " + lastName;
  }

  /** The wire {@code User} object. */
  ObjectNode json(long lastActivityMillis) {
    ObjectNode user = Json.object();
    user.put("user_id", userId);
    user.put("first_name", firstName);
    if (lastName != null) {
      user.put("last_name", lastName);
    }
    if (username != null) {
      user.put("username", username);
    } else {
      user.putNull("username");
    }
    user.put("is_bot", false);
    user.put("last_activity_time", lastActivityMillis);
    user.put("name", name());
    return user;
  }
}
