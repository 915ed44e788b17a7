package io.omnichannel.testkit.oneconnect;

/**
 * Who may use a line (тип доступности). Only {@link #CLIENTS_AND_SPECIALISTS} lines can get a
 * Telegram bot.
 */
public enum LineAvailability {
  CLIENTS_AND_SPECIALISTS,
  SPECIALISTS_ONLY,
  CLIENTS_ONLY
}
