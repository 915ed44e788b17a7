package io.omnichannel.core.domain;

/**
 * Who may write to a line (тип доступности). Only lines open to clients can receive a messenger's
 * users.
 */
public enum LineAvailability {
  /** «Для клиентов и специалистов». */
  CLIENTS_AND_SPECIALISTS,
  /** «Только для специалистов». */
  SPECIALISTS_ONLY,
  /** Any other type the platform reports; never eligible. */
  OTHER;

  public boolean acceptsChannelUsers() {
    return this == CLIENTS_AND_SPECIALISTS;
  }
}
