package io.omnichannel.core.domain;

/** A private chat is one person; a group (or supergroup) is relayed as one user (F10). */
public enum ChatKind {
  PRIVATE,
  GROUP
}
