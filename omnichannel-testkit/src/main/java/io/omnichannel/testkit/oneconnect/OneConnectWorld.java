package io.omnichannel.testkit.oneconnect;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sets up and reads the emulated 1C-Connect world: companies, lines, specialists, API accounts,
 * client companies, their users and the lines each user may use. Thread-safe; ids are random UUIDs
 * unless given.
 */
public final class OneConnectWorld {
  private final Emulation emu;
  private final AtomicLong specialistLogins = new AtomicLong(1000);

  OneConnectWorld(Emulation emu) {
    this.emu = emu;
  }

  public Company addCompany(String name, boolean externalChannels) {
    return addCompany(new Company(newId(), name, externalChannels));
  }

  public Company addCompany(Company company) {
    return emu.directory().putCompany(company);
  }

  /** Switches the tariff option "external channels" of a company on or off. */
  public Company setExternalChannels(String companyId, boolean active) {
    return emu.directory().setExternalChannels(companyId, active);
  }

  public Line addLine(String companyId, String name, LineAvailability availability) {
    return addLine(new Line(newId(), name, availability, companyId, false));
  }

  /**
   * Adds the channel-management line («1С-Коннект: Управление каналами»), owned by {@code
   * companyId}.
   */
  public Line addManagementLine(String companyId, String name) {
    return addLine(
        new Line(newId(), name, LineAvailability.CLIENTS_AND_SPECIALISTS, companyId, true));
  }

  /** Adds a line; hooks covering it hear a {@code support_line} event ({@code add}). */
  public Line addLine(Line line) {
    Line added = emu.directory().putLine(line);
    emu.accountEvents().line("add", added);
    return added;
  }

  /**
   * Changes a line (name, availability); hooks hear a {@code support_line} event ({@code update}).
   */
  public Line updateLine(Line line) {
    Line updated = emu.directory().replaceLine(line);
    emu.accountEvents().line("update", updated);
    return updated;
  }

  public Specialist addSpecialist(String companyId, String name, String surname) {
    return addSpecialist(
        new Specialist(newId(), companyId, name, surname, specialistLogins.incrementAndGet()));
  }

  public Specialist addSpecialist(Specialist specialist) {
    return emu.directory().putSpecialist(specialist);
  }

  /**
   * Adds an API account; {@code lineAllowBot} maps each line it may act on to its {@code
   * allow_bot}.
   */
  public ApiAccount addApiAccount(
      String login, String password, String companyId, Map<String, Boolean> lineAllowBot) {
    return emu.directory().putAccount(new ApiAccount(login, password, companyId, lineAllowBot));
  }

  /**
   * Lets an API account (the gateway's own service account) use the assumed partner-level calls:
   * who a specialist is, a company's lines, a company's options. See {@link PartnerEndpoints}.
   */
  public void grantPartnerAccess(String login) {
    emu.directory().grantPartner(login);
  }

  public ClientCompany addClient(String companyId, String name) {
    emu.directory().company(companyId).orElseThrow(() -> Directory.unknown("company", companyId));
    ClientCompany client =
        new ClientCompany(newId(), companyId, name, null, PushApiTime.now(), false);
    emu.clients().putClient(client);
    return client;
  }

  public ClientUser addClientUser(String clientId, String name, String surname) {
    emu.clients().client(clientId).orElseThrow(() -> Directory.unknown("client", clientId));
    ClientUser user =
        new ClientUser(
            newId(), clientId, name, surname, null, null, null, null, PushApiTime.now(), false);
    emu.clients().putUser(user);
    return user;
  }

  /** Lets a user use a line (as UserServiceLineAdd does); also lifts a ban. */
  public void enableLine(String userId, String lineId) {
    requireUserAndLine(userId, lineId);
    emu.clients().setActive(userId, lineId, true, PushApiTime.now());
  }

  /** Switches a line off for a user, as the admin cabinet does to ban. */
  public void ban(String userId, String lineId) {
    requireUserAndLine(userId, lineId);
    emu.clients().setActive(userId, lineId, false, PushApiTime.now());
  }

  public void unban(String userId, String lineId) {
    enableLine(userId, lineId);
  }

  public boolean isBanned(String userId, String lineId) {
    return emu.clients().subscription(userId, lineId).map(s -> !s.active()).orElse(false);
  }

  public List<Company> companies() {
    return emu.directory().companies();
  }

  public List<Line> lines() {
    return emu.directory().lines();
  }

  public Optional<Line> managementLine() {
    return lines().stream().filter(Line::management).findFirst();
  }

  public List<Specialist> specialists() {
    return emu.directory().specialists();
  }

  public List<ApiAccount> apiAccounts() {
    return emu.directory().accounts();
  }

  public List<ClientCompany> clients() {
    return emu.clients().clients();
  }

  public List<ClientUser> clientUsers() {
    return emu.clients().users();
  }

  public Optional<ClientUser> clientUser(String userId) {
    return emu.clients().user(userId);
  }

  public List<LineSubscription> subscriptions(String userId) {
    return emu.clients().subscriptionsOf(userId);
  }

  public List<HookRegistration> hooks() {
    return emu.hooks().all();
  }

  public List<Treatment> openTreatments() {
    return emu.treatments().open();
  }

  private void requireUserAndLine(String userId, String lineId) {
    emu.clients().user(userId).orElseThrow(() -> Directory.unknown("client user", userId));
    emu.directory().line(lineId).orElseThrow(() -> Directory.unknown("line", lineId));
  }

  static String newId() {
    return UUID.randomUUID().toString();
  }
}
