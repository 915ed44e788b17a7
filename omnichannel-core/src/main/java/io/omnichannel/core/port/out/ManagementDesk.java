package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.Line;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.Specialist;
import java.util.List;
import java.util.Optional;

/**
 * 1C-Connect as the management line sees it, with the service's own credentials: who a specialist
 * is, the company's lines and tariff option, and replies into the specialist's chat. Failures are
 * {@link io.omnichannel.core.domain.failure.PlatformFailure}s.
 */
public interface ManagementDesk {

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
}
