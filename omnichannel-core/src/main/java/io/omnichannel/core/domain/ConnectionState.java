package io.omnichannel.core.domain;

/** What the list (F5) shows about a connection; set by real checks and by delivery results. */
public enum ConnectionState {
  ACTIVE,
  /** The messenger rejects the bot's token (revoked in BotFather, or wrong). */
  TOKEN_REVOKED,
  /** The messenger reports errors delivering to our webhook. */
  WEBHOOK_FAILING,
  /** The company's tariff option "external channels" is off: nothing is relayed. */
  TARIFF_OPTION_OFF,
  /** 1C-Connect rejects the connection's API account (password changed or account removed). */
  API_ACCOUNT_REJECTED,
  DISCONNECTED;

  /** Every state but {@link #DISCONNECTED} still holds the line, the bot and a company slot. */
  public boolean holdsSlot() {
    return this != DISCONNECTED;
  }
}
