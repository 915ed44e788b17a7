package io.omnichannel.core.port.out;

/** The result of probing one connection on the messenger side (F5). */
public enum ChannelHealth {
  HEALTHY,
  TOKEN_REVOKED,
  WEBHOOK_FAILING
}
