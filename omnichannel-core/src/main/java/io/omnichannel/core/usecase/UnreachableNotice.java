package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.port.out.LineRelay;
import java.time.Instant;

/**
 * F11: tells the specialist, in the user's chat with the line, that the user cannot be reached (the
 * user blocked the bot, or the bot left the group). The external id names the episode (when the
 * block or the leave happened), so every attempt may tell and the line still shows it once; a retry
 * after a failure too. Whichever way the gateway learned of the block (a membership update or a
 * 403), the words are the same.
 */
final class UnreachableNotice {
  private UnreachableNotice() {}

  static void tell(LineRelay platform, Connection connection, ChannelAccount account) {
    LinePost.Text notice;
    if (account.blockedSince().isPresent()) {
      notice =
          new LinePost.Text(
              LineNotices.userBlockedBot(connection),
              episode("blocked", account, account.blockedSince().get()));
    } else if (account.leftAt().isPresent()) {
      notice =
          new LinePost.Text(
              LineNotices.botLeftGroup(connection),
              episode("left", account, account.leftAt().get()));
    } else {
      return;
    }
    // a line switched off for the user (F9) refuses it: nobody reads that chat; the drop record
    // remains
    platform.noticeInLine(
        connection.lineAccess(), account.platformUser(), notice.text(), notice.externalId());
  }

  private static String episode(String kind, ChannelAccount account, Instant since) {
    return kind + ":" + account.id() + ":" + since.toEpochMilli();
  }
}
