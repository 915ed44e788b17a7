package io.omnichannel.launcher.metrics;

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
import io.omnichannel.core.port.out.ApiAccountVerification;
import io.omnichannel.core.port.out.SupportPlatform;
import java.util.List;
import java.util.Optional;

/** The support platform, with deliveries into lines counted and timed as relayed "to_line". */
final class MeteredPlatform implements SupportPlatform {
  private final SupportPlatform platform;
  private final Metering metering;

  MeteredPlatform(SupportPlatform platform, Metering metering) {
    this.platform = platform;
    this.metering = metering;
  }

  @Override
  public void deliverFromUser(Connection connection, PlatformUserId user, LinePost post) {
    metering.relay("to_line", () -> platform.deliverFromUser(connection, user, post));
  }

  /**
   * Gateway notices are not relayed messages: counted apart, so "relayed" means what users wrote.
   */
  @Override
  public void noticeInLine(
      Connection connection, PlatformUserId user, String text, String noticeId) {
    platform.noticeInLine(connection, user, text, noticeId);
    metering.countNotice();
  }

  @Override
  public Optional<Specialist> specialist(PlatformUserId managementLineUser) {
    return platform.specialist(managementLineUser);
  }

  @Override
  public List<Line> linesOf(CompanyId company) {
    return platform.linesOf(company);
  }

  @Override
  public boolean externalChannelsEnabled(CompanyId company) {
    return platform.externalChannelsEnabled(company);
  }

  @Override
  public void replyOnManagementLine(PlatformUserId specialist, String text, Keyboard keyboard) {
    platform.replyOnManagementLine(specialist, text, keyboard);
  }

  @Override
  public ApiAccountVerification verifyApiAccount(
      ApiAccount account, CompanyId company, LineId line) {
    return platform.verifyApiAccount(account, company, line);
  }

  @Override
  public TechnicalClient registerTechnicalClient(
      ApiAccount account, CompanyId company, String name, Optional<TechnicalClientId> earlier) {
    return platform.registerTechnicalClient(account, company, name, earlier);
  }

  @Override
  public PlatformUserId registerChannelUser(
      Connection connection, AccountId account, String displayName, Optional<String> username) {
    return platform.registerChannelUser(connection, account, displayName, username);
  }

  @Override
  public void carryLine(Connection connection, PlatformUserId user, LineId from) {
    platform.carryLine(connection, user, from);
  }

  @Override
  public boolean isBanned(Connection connection, PlatformUserId user) {
    return platform.isBanned(connection, user);
  }

  @Override
  public void subscribe(Connection connection) {
    platform.subscribe(connection);
  }

  @Override
  public void unsubscribe(Connection connection) {
    platform.unsubscribe(connection);
  }

  @Override
  public RemoteFile fetchLineFile(Connection connection, FileRef file) {
    return platform.fetchLineFile(connection, file);
  }
}
