package io.omnichannel.testkit.telegram;

/**
 * A basic group (negative id) with a title. Supergroups come from {@link
 * GroupScenario#migrateToSupergroup()}.
 */
public record GroupSpec(long id, String title) {

  public GroupSpec {
    if (id >= 0) {
      throw new IllegalArgumentException("group ids are negative, was " + id);
    }
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("title is required");
    }
  }

  public static GroupSpec of(long id, String title) {
    return new GroupSpec(id, title);
  }
}
