package io.omnichannel.launcher.metrics;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.LineAccess;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.RemoteFile;
import io.omnichannel.core.port.out.DeliveryOutcome;
import io.omnichannel.core.port.out.LineRelay;
import java.util.Optional;

/** Relaying on 1C-Connect, with deliveries into lines counted and timed as relayed "to_line". */
final class MeteredLineRelay implements LineRelay {
  private final LineRelay platform;
  private final Metering metering;

  MeteredLineRelay(LineRelay platform, Metering metering) {
    this.platform = platform;
    this.metering = metering;
  }

  @Override
  public DeliveryOutcome deliverFromUser(LineAccess line, PlatformUserId user, LinePost post) {
    return metering.relay(
        "to_line",
        () -> platform.deliverFromUser(line, user, post),
        DeliveryOutcome.Delivered.class::isInstance);
  }

  /**
   * Gateway notices are not relayed messages: counted apart, so "relayed" means what users wrote.
   */
  @Override
  public DeliveryOutcome noticeInLine(
      LineAccess line, PlatformUserId user, String text, String noticeId) {
    DeliveryOutcome outcome = platform.noticeInLine(line, user, text, noticeId);
    metering.countNotice();
    return outcome;
  }

  @Override
  public PlatformUserId registerChannelUser(
      LineAccess line, AccountId account, String displayName, Optional<String> username) {
    return platform.registerChannelUser(line, account, displayName, username);
  }

  @Override
  public void carryLine(LineAccess line, PlatformUserId user, LineId from) {
    platform.carryLine(line, user, from);
  }

  @Override
  public boolean isBanned(LineAccess line, PlatformUserId user) {
    return platform.isBanned(line, user);
  }

  @Override
  public RemoteFile fetchLineFile(LineAccess line, FileRef file) {
    return platform.fetchLineFile(line, file);
  }
}
