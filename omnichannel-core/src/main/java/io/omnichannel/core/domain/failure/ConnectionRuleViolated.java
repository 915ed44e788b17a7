package io.omnichannel.core.domain.failure;

import java.util.Objects;

/**
 * A rule of F12 held by the database refused a write: raised by repositories when a unique
 * constraint fires, so that the rules hold across instances and concurrent requests.
 */
public final class ConnectionRuleViolated extends GatewayFailure {
  private final Rule rule;

  public ConnectionRuleViolated(Rule rule) {
    super("connection rule violated: " + rule);
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  public Rule rule() {
    return rule;
  }

  @Override
  public boolean retryable() {
    return false;
  }

  public enum Rule {
    /** The line already has an active bot. */
    LINE_TAKEN,
    /** The bot is already connected to a line. */
    BOT_TAKEN,
    /** The company already has {@code ChannelLimits.MAX_BOTS_PER_COMPANY} active bots. */
    COMPANY_FULL,
    /** The chat already has an account in this epoch. */
    ACCOUNT_EXISTS
  }
}
