package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.LineAccess;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.RemoteFile;
import java.util.Optional;

/**
 * 1C-Connect as relaying needs it, with the line's API account: the users that stand for chats,
 * their bans, and messages into the line and files out of it. Failures are {@link
 * io.omnichannel.core.domain.failure.PlatformFailure}s.
 */
public interface LineRelay {

  /**
   * Creates a user in the line's technical client and gives it the line (F3). Idempotent by {@code
   * account}: a retry after a crash between this call and storing the account finds the user made
   * the first time instead of making a second one.
   */
  PlatformUserId registerChannelUser(
      LineAccess line, AccountId account, String displayName, Optional<String> username);

  /**
   * Gives a user the line as it has the line {@code from} (the line of the bot's earlier
   * connection): switched off there (a ban, or no line at all) → switched off here too, so a
   * reconnect lifts no ban. A user who already has the line keeps it as it is. Idempotent.
   */
  void carryLine(LineAccess line, PlatformUserId user, LineId from);

  /**
   * Whether the user's line is switched off in the admin cabinet (a ban, F9). Never asked per
   * message: bans are learnt from the line's subscription events, and this read serves a refused
   * delivery, the periodic reconcile and the admin list.
   */
  boolean isBanned(LineAccess line, PlatformUserId user);

  /**
   * Delivers a message into the line as the user wrote it; idempotent by {@link
   * LinePost#externalId()}. A refusal for the user's or the company's sake (banned, not a
   * subscriber, tariff option off) is an outcome; unavailability and a rejected API account are
   * thrown.
   */
  DeliveryOutcome deliverFromUser(LineAccess line, PlatformUserId user, LinePost post);

  /**
   * A notice of the gateway's own for the specialist in the user's chat (the user blocked the bot,
   * a file was too large). 1C-Connect has no public call for system notices, so by default it is
   * delivered like the user's text; an adapter with a better call overrides this. Idempotent by
   * {@code noticeId}.
   */
  default DeliveryOutcome noticeInLine(
      LineAccess line, PlatformUserId user, String text, String noticeId) {
    return deliverFromUser(line, user, new LinePost.Text(text, noticeId));
  }

  /** Looks up a file a specialist sent, to check its size before streaming it. */
  RemoteFile fetchLineFile(LineAccess line, FileRef file);
}
