package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.CompanyId;
import java.util.Map;

/**
 * The names of the companies the gateway has met, so that people see a name rather than an id.
 * Learnt whenever a company's specialist starts a connect or a disconnect.
 */
public interface CompanyNames {
  /** Keeps the company's current name (a renamed company's new name replaces the old). */
  void remember(CompanyId company, String name);

  /** Every name known, by company. */
  Map<CompanyId, String> all();
}
