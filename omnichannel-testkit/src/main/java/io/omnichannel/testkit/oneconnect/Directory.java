package io.omnichannel.testkit.oneconnect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Companies, lines, specialists and API accounts; one monitor guards them all (cheap at emulator
 * scale).
 */
final class Directory {
  private final Map<String, Company> companies = new LinkedHashMap<>();
  private final Map<String, Line> lines = new LinkedHashMap<>();
  private final Map<String, Specialist> specialists = new LinkedHashMap<>();
  private final Map<String, Instant> createdAt = new LinkedHashMap<>();
  private final Map<String, ApiAccount> accounts = new LinkedHashMap<>();
  private final java.util.Set<String> partnerLogins = new java.util.HashSet<>();

  synchronized Company putCompany(Company company) {
    requireAbsent(companies, company.id(), "company");
    companies.put(company.id(), company);
    return company;
  }

  synchronized Company setExternalChannels(String companyId, boolean active) {
    Company updated =
        company(companyId)
            .orElseThrow(() -> unknown("company", companyId))
            .withExternalChannels(active);
    companies.put(companyId, updated);
    return updated;
  }

  /** Replaces a known line (a rename, a change of availability). */
  synchronized Line replaceLine(Line line) {
    if (!lines.containsKey(line.id())) {
      throw unknown("line", line.id());
    }
    lines.put(line.id(), line);
    return line;
  }

  synchronized Line putLine(Line line) {
    requireAbsent(lines, line.id(), "line");
    company(line.companyId()).orElseThrow(() -> unknown("company", line.companyId()));
    lines.put(line.id(), line);
    return line;
  }

  synchronized Specialist putSpecialist(Specialist specialist) {
    requireAbsent(specialists, specialist.id(), "specialist");
    company(specialist.companyId()).orElseThrow(() -> unknown("company", specialist.companyId()));
    specialists.put(specialist.id(), specialist);
    createdAt.put(specialist.id(), PushApiTime.now());
    return specialist;
  }

  /** When a specialist was added (SpecialistRead's CreatedAt, never null). */
  synchronized Instant createdAt(String specialistId) {
    return createdAt.getOrDefault(specialistId, Instant.EPOCH);
  }

  synchronized ApiAccount putAccount(ApiAccount account) {
    requireAbsent(accounts, account.login(), "API account");
    company(account.companyId()).orElseThrow(() -> unknown("company", account.companyId()));
    account.lineAllowBot().keySet().forEach(id -> line(id).orElseThrow(() -> unknown("line", id)));
    accounts.put(account.login(), account);
    return account;
  }

  /**
   * Lets an existing API account use the assumed partner-level calls ({@link PartnerEndpoints}).
   */
  synchronized void grantPartner(String login) {
    account(login).orElseThrow(() -> unknown("API account", login));
    partnerLogins.add(login);
  }

  synchronized boolean isPartner(String login) {
    return partnerLogins.contains(login);
  }

  synchronized List<Line> linesOf(String companyId) {
    return lines.values().stream().filter(l -> l.companyId().equals(companyId)).toList();
  }

  synchronized Optional<Company> company(String id) {
    return Optional.ofNullable(companies.get(id));
  }

  synchronized Optional<Line> line(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(lines.get(id));
  }

  synchronized Optional<Specialist> specialist(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(specialists.get(id));
  }

  synchronized Optional<ApiAccount> account(String login) {
    return Optional.ofNullable(accounts.get(login));
  }

  synchronized List<Company> companies() {
    return List.copyOf(companies.values());
  }

  synchronized List<Line> lines() {
    return List.copyOf(lines.values());
  }

  synchronized List<Specialist> specialists() {
    return List.copyOf(specialists.values());
  }

  synchronized List<ApiAccount> accounts() {
    return List.copyOf(accounts.values());
  }

  synchronized List<Specialist> specialistsOf(String companyId) {
    List<Specialist> result = new ArrayList<>();
    specialists
        .values()
        .forEach(
            s -> {
              if (s.companyId().equals(companyId)) {
                result.add(s);
              }
            });
    return result;
  }

  synchronized boolean externalChannelsActive(String companyId) {
    Company company = companies.get(companyId);
    return company != null && company.externalChannels();
  }

  private static void requireAbsent(Map<String, ?> map, String key, String what) {
    if (map.containsKey(key)) {
      throw new IllegalArgumentException(what + " already exists: " + key);
    }
  }

  static IllegalArgumentException unknown(String what, String id) {
    return new IllegalArgumentException("unknown " + what + ": " + id);
  }
}
