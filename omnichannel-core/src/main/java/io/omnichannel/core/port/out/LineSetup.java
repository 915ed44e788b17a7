package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.LineAccess;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.TechnicalClient;
import io.omnichannel.core.domain.TechnicalClientId;
import java.util.Optional;

/**
 * 1C-Connect as connecting a bot to a line needs it, with the company's API account: checking the
 * account, the bot's technical client, and the line's hook. Failures are {@link
 * io.omnichannel.core.domain.failure.PlatformFailure}s.
 */
public interface LineSetup {

  /**
   * Checks the API account entered on a confirmation page against the company and line it must act
   * on.
   */
  ApiAccountVerification verifyApiAccount(ApiAccount account, CompanyId company, LineId line);

  /**
   * The bot's technical client: the one an earlier connection of the bot had, if it still exists;
   * else the one of that name; else a new one of that name.
   */
  TechnicalClient registerTechnicalClient(
      ApiAccount account, CompanyId company, String name, Optional<TechnicalClientId> earlier);

  /** Sets the line's hook so that its events reach the gateway with the line's hook credentials. */
  void subscribe(LineAccess line);

  /** Removes the line's hook. */
  void unsubscribe(LineAccess line);
}
