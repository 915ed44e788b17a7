package io.omnichannel.core.fakes;

import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.port.out.CompanyNames;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Company names in memory. */
public final class InMemoryCompanyNames implements CompanyNames {
  private final Map<CompanyId, String> names = new ConcurrentHashMap<>();

  @Override
  public void remember(CompanyId company, String name) {
    names.put(company, name);
  }

  @Override
  public Map<CompanyId, String> all() {
    return Map.copyOf(names);
  }
}
