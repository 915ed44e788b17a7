package io.omnichannel.testkit.oneconnect;

/**
 * Whether a message delivered into a line through the receive calls is posted back to hooks, with
 * {@code author_id == user_id}, as the real service posts a client's own messages.
 */
public enum EchoMode {
  NONE,
  LINE_HOOKS,
  ALL_HOOKS
}
