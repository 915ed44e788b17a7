package io.omnichannel.core.usecase;

/**
 * How a topic's account is named on the line (B9): "<group> / <topic>", within what a name holds.
 */
final class AccountNames {
  /** The longest account name stored and registered (a group title and a topic name hold 128). */
  static final int MAX_LENGTH = 255;

  private AccountNames() {}

  static String ofTopic(String group, String topic) {
    String name = group + " / " + topic;
    if (name.length() <= MAX_LENGTH) {
      return name;
    }
    int end = MAX_LENGTH - 1;
    if (Character.isHighSurrogate(name.charAt(end - 1))) {
      end--;
    }
    return name.substring(0, end) + "…";
  }
}
