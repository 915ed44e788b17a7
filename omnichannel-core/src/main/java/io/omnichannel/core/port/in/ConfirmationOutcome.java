package io.omnichannel.core.port.in;

import io.omnichannel.core.domain.Connection;
import java.util.List;
import java.util.Objects;

/** What happened when a confirmation form was submitted; the page renders one text per case. */
public sealed interface ConfirmationOutcome {

  /**
   * The bot is connected.
   *
   * @param sharingApiAccount other active connections of the company that use the same API account
   *     (F13)
   * @param receiving false when receiving could not be started yet (the state shows it; retried by
   *     monitoring)
   */
  record Connected(Connection connection, List<Connection> sharingApiAccount, boolean receiving)
      implements ConfirmationOutcome {
    public Connected {
      Objects.requireNonNull(connection, "connection");
      sharingApiAccount = List.copyOf(sharingApiAccount);
    }
  }

  record Disconnected(Connection connection) implements ConfirmationOutcome {
    public Disconnected {
      Objects.requireNonNull(connection, "connection");
    }
  }

  /** The form can be submitted again: nothing was used up. */
  record Refused(Refusal reason) implements ConfirmationOutcome {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }

  enum Refusal {
    /** No such link. */
    UNKNOWN_LINK,
    EXPIRED,
    ALREADY_USED,
    /**
     * 1C-Connect does not accept the login and password, or the account belongs to another company:
     * one answer for both, so the form tells nothing about other companies' accounts (the audit
     * trail keeps which it was).
     */
    WRONG_CREDENTIALS,
    /**
     * The link's attempts at the API account are used up ({@link
     * io.omnichannel.core.domain.Confirmation#MAX_FAILED_ATTEMPTS}): it is burned, and the
     * specialist is told in the management chat.
     */
    TOO_MANY_ATTEMPTS,
    /** The API account cannot act on this line, or bots are not allowed on it. */
    LINE_NOT_ALLOWED,
    /** Disconnecting needs the API account the bot was connected with (F4). */
    NOT_THE_CONNECTING_ACCOUNT,
    /** The company's tariff option "external channels" is off (F12). */
    TARIFF_OPTION_OFF,
    /** The company reached its maximum of bots meanwhile (F12). */
    COMPANY_FULL,
    /** The line got another bot meanwhile (F12). */
    LINE_TAKEN,
    /** The bot got connected to another line meanwhile (F12). */
    BOT_TAKEN,
    /** The bot is no longer connected (disconnected meanwhile). */
    NOT_CONNECTED,
    /** 1C-Connect or the messenger did not answer; try again in a few minutes. */
    TEMPORARILY_UNAVAILABLE
  }
}
