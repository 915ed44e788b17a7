package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.Line;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.RemoteFile;
import io.omnichannel.core.domain.Specialist;
import io.omnichannel.core.domain.TechnicalClient;
import io.omnichannel.core.domain.TechnicalClientId;
import java.util.List;
import java.util.Optional;

/**
 * What the core needs from the support platform (1C-Connect). Calls about the management line use
 * the service's own credentials; calls about a connection use that connection's API account.
 * Failures are {@link io.omnichannel.core.domain.failure.PlatformFailure}s.
 */
public interface SupportPlatform {

  /**
   * The specialist behind a user of the management line, or empty if the user is no company's
   * specialist.
   */
  Optional<Specialist> specialist(PlatformUserId managementLineUser);

  /** All lines of a company, eligible or not. */
  List<Line> linesOf(CompanyId company);

  /** Whether the company's tariff option "external channels" is active (F12). */
  boolean externalChannelsEnabled(CompanyId company);

  /** Posts into the specialist's chat with the management line. */
  void replyOnManagementLine(PlatformUserId specialist, String text, Keyboard keyboard);

  /**
   * Checks the API account entered on a confirmation page against the company and line it must act
   * on.
   */
  ApiAccountVerification verifyApiAccount(ApiAccount account, CompanyId company, LineId line);

  /**
   * The bot's technical client: the one an earlier connection of the bot had, if it still exists;
   * else the one named «<messenger>: <bot name>»; else a new one of that name.
   */
  TechnicalClient registerTechnicalClient(
      ApiAccount account, CompanyId company, String name, Optional<TechnicalClientId> earlier);

  /**
   * Creates a user in the connection's technical client and gives it the connection's line (F3).
   * Idempotent by {@code account}: a retry after a crash between this call and storing the account
   * finds the user made the first time instead of making a second one.
   */
  PlatformUserId registerChannelUser(
      Connection connection, AccountId account, String displayName, Optional<String> username);

  /**
   * Gives a user the connection's line as it has the line {@code from} (the line of the bot's
   * earlier connection): switched off there (a ban, or no line at all) → switched off here too, so
   * a reconnect lifts no ban. A user who already has the connection's line keeps it as it is.
   * Idempotent.
   */
  void carryLine(Connection connection, PlatformUserId user, LineId from);

  /**
   * Whether the user's line is switched off in the admin cabinet (a ban, F9). Never asked per
   * message: bans are learnt from the line's subscription events, and this read serves a refused
   * delivery, the periodic reconcile and the admin list.
   */
  boolean isBanned(Connection connection, PlatformUserId user);

  /**
   * Sets the line's hook so that its events reach the gateway with the connection's hook
   * credentials.
   */
  void subscribe(Connection connection);

  /** Removes the line's hook. */
  void unsubscribe(Connection connection);

  /**
   * Delivers a message into the line as the user wrote it; idempotent by {@link
   * LinePost#externalId()}.
   */
  void deliverFromUser(Connection connection, PlatformUserId user, LinePost post);

  /**
   * A notice of the gateway's own for the specialist in the user's chat (the user blocked the bot,
   * a file was too large). 1C-Connect has no public call for system notices, so by default it is
   * delivered like the user's text; an adapter with a better call overrides this. Idempotent by
   * {@code noticeId}.
   */
  default void noticeInLine(
      Connection connection, PlatformUserId user, String text, String noticeId) {
    deliverFromUser(connection, user, new LinePost.Text(text, noticeId));
  }

  /** Looks up a file a specialist sent, to check its size before streaming it. */
  RemoteFile fetchLineFile(Connection connection, FileRef file);
}
