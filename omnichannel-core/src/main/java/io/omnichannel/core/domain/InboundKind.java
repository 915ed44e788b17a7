package io.omnichannel.core.domain;

/** Where a stored inbound event came from, which decides how it is decoded and who handles it. */
public enum InboundKind {
  /** A messenger update for a connected bot. */
  CHANNEL_UPDATE,
  /** A 1C-Connect event of a connected line. */
  LINE_EVENT,
  /** A 1C-Connect event of the channel-management line: a specialist talking to the dialog. */
  MANAGEMENT_EVENT
}
