package io.omnichannel.core.fakes;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.Line;
import io.omnichannel.core.domain.LineAccess;
import io.omnichannel.core.domain.LineAvailability;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.RemoteFile;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.Specialist;
import io.omnichannel.core.domain.TechnicalClient;
import io.omnichannel.core.domain.TechnicalClientId;
import io.omnichannel.core.domain.failure.PlatformUnavailable;
import io.omnichannel.core.port.out.ApiAccountVerification;
import io.omnichannel.core.port.out.DeliveryOutcome;
import io.omnichannel.core.port.out.LineRelay;
import io.omnichannel.core.port.out.LineSetup;
import io.omnichannel.core.port.out.ManagementDesk;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * 1C-Connect as the core sees it, in memory: a world of companies, lines, specialists and API
 * accounts set up by the test, and a record of everything the core asked of it.
 */
public final class FakePlatform implements ManagementDesk, LineSetup, LineRelay {
  public record ManagementReply(PlatformUserId specialist, String text, Keyboard keyboard) {}

  public record Delivery(LineAccess line, PlatformUserId user, LinePost post) {}

  public record RegisteredUser(
      PlatformUserId id, TechnicalClientId client, String name, Optional<String> username) {}

  private Consumer<ManagementReply> nextReplyReader = reply -> {};

  private record AccountFixture(String password, CompanyId company, Set<LineId> lines) {}

  private final Map<PlatformUserId, Specialist> specialists = new HashMap<>();
  private final Map<CompanyId, List<Line>> lines = new LinkedHashMap<>();
  private final Set<CompanyId> optionOff = new HashSet<>();
  private final Map<String, AccountFixture> apiAccounts = new HashMap<>();
  private final Map<FileRef, byte[]> lineFiles = new HashMap<>();
  private final Map<FileRef, String> lineFileTypes = new HashMap<>();
  private final Set<PlatformUserId> banned = new HashSet<>();

  /**
   * The lines each registered user has, and whether each is switched on. A user the core never
   * registered (a test inserted its account directly) has every line.
   */
  private final Map<PlatformUserId, Map<LineId, Boolean>> userLines = new HashMap<>();

  /** What the next deliveries meet: a thrown failure or a refusal ({@link DeliveryOutcome}). */
  private final Deque<Object> deliveryFailures = new ArrayDeque<>();

  private final Map<String, RuntimeException> failuresByExternalId = new HashMap<>();
  private final Deque<RuntimeException> replyFailures = new ArrayDeque<>();

  private final List<ManagementReply> replies = new ArrayList<>();
  private int verifications;
  private int banReads;
  private final List<Delivery> deliveries = new ArrayList<>();
  private final Set<String> deliveredExternalIds = new HashSet<>();
  private final List<TechnicalClient> clients = new ArrayList<>();
  private final List<RegisteredUser> users = new ArrayList<>();
  private final Map<AccountId, PlatformUserId> usersByAccount = new HashMap<>();
  private final Set<LineAccess> subscribed = new HashSet<>();
  private int nextId = 1;
  private boolean unavailable;

  // --- the world -------------------------------------------------------------------------------

  public synchronized Specialist specialist(CompanyId company, String name) {
    Specialist specialist =
        new Specialist(
            new PlatformUserId("spec-" + nextId++),
            company,
            name,
            Optional.of("ООО «" + company.value() + "»"));
    specialists.put(specialist.id(), specialist);
    return specialist;
  }

  public synchronized Line line(CompanyId company, String name, LineAvailability availability) {
    Line line = new Line(new LineId("line-" + nextId++), company, name, availability);
    lines.computeIfAbsent(company, c -> new ArrayList<>()).add(line);
    return line;
  }

  public Line line(CompanyId company, String name) {
    return line(company, name, LineAvailability.CLIENTS_AND_SPECIALISTS);
  }

  /** An API account of the company that may act on the given lines. */
  public synchronized ApiAccount apiAccount(
      String login, String password, CompanyId company, Line... actsOn) {
    Set<LineId> ids = new HashSet<>();
    for (Line line : actsOn) {
      ids.add(line.id());
    }
    apiAccounts.put(login, new AccountFixture(password, company, ids));
    return new ApiAccount(login, Secret.of(password));
  }

  public synchronized void switchExternalChannels(CompanyId company, boolean on) {
    if (on) {
      optionOff.remove(company);
    } else {
      optionOff.add(company);
    }
  }

  public synchronized void ban(PlatformUserId user) {
    banned.add(user);
  }

  /** Switches one line off for a user, as the admin cabinet does (F9). */
  public synchronized void ban(PlatformUserId user, LineId line) {
    userLines.computeIfAbsent(user, u -> new HashMap<>()).put(line, false);
  }

  /** Switches a user's line back on (and lifts a ban on every line), as the admin cabinet does. */
  public synchronized void unban(PlatformUserId user, LineId line) {
    banned.remove(user);
    userLines.computeIfAbsent(user, u -> new HashMap<>()).put(line, true);
  }

  /** Whether the user has the line: switched on (true), off (false), or not at all (empty). */
  public synchronized Optional<Boolean> lineOf(PlatformUserId user, LineId line) {
    return Optional.ofNullable(userLines.getOrDefault(user, Map.of()).get(line));
  }

  public synchronized void lineFile(FileRef ref, byte[] bytes) {
    lineFiles.put(ref, bytes);
  }

  /** A line file whose download declares {@code mimeType}. */
  public synchronized void lineFile(FileRef ref, byte[] bytes, String mimeType) {
    lineFiles.put(ref, bytes);
    lineFileTypes.put(ref, mimeType);
  }

  public synchronized void failNextDelivery(RuntimeException failure) {
    deliveryFailures.add(failure);
  }

  /** The next delivery is refused with this outcome, and nothing is delivered. */
  public synchronized void refuseNextDelivery(DeliveryOutcome refusal) {
    deliveryFailures.add(refusal);
  }

  /** The next delivery of the post with this external id fails, once. */
  public synchronized void failDeliveryOf(String externalId, RuntimeException failure) {
    failuresByExternalId.put(externalId, failure);
  }

  /**
   * {@code reader} reads the next reply on the management line as soon as it is said, before the
   * gateway goes on (a specialist who acts on it at once).
   */
  public synchronized void onNextReply(Consumer<ManagementReply> reader) {
    nextReplyReader = reader;
  }

  public synchronized void failNextReply(RuntimeException failure) {
    replyFailures.add(failure);
  }

  public synchronized void unavailable(boolean down) {
    unavailable = down;
  }

  // --- what the core asked
  // ------------------------------------------------------------------------

  /** How often an API account was checked (each check is a call to 1C-Connect). */
  public synchronized int verifications() {
    return verifications;
  }

  /** How often the core asked whether a user is banned (each a SOAP read in 1C-Connect). */
  public synchronized int banReads() {
    return banReads;
  }

  public synchronized List<ManagementReply> replies() {
    return List.copyOf(replies);
  }

  public synchronized ManagementReply lastReply() {
    return replies.get(replies.size() - 1);
  }

  public synchronized List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  /** The files delivered into lines, in order. */
  public synchronized List<LinePost.File> deliveredFiles() {
    return deliveries.stream()
        .map(Delivery::post)
        .filter(LinePost.File.class::isInstance)
        .map(LinePost.File.class::cast)
        .toList();
  }

  /** The external ids of everything delivered into lines, in order. */
  public synchronized List<String> deliveredExternalIds() {
    return deliveries.stream().map(delivery -> delivery.post().externalId()).toList();
  }

  public synchronized List<TechnicalClient> clients() {
    return List.copyOf(clients);
  }

  public synchronized List<RegisteredUser> users() {
    return List.copyOf(users);
  }

  public synchronized boolean isSubscribed(Connection connection) {
    return subscribed.stream().anyMatch(c -> c.connection().equals(connection.id()));
  }

  // --- the port
  // -------------------------------------------------------------------------------------

  @Override
  public synchronized Optional<Specialist> specialist(PlatformUserId managementLineUser) {
    available();
    return Optional.ofNullable(specialists.get(managementLineUser));
  }

  @Override
  public synchronized List<Line> linesOf(CompanyId company) {
    available();
    return List.copyOf(lines.getOrDefault(company, List.of()));
  }

  @Override
  public synchronized boolean externalChannelsEnabled(CompanyId company) {
    available();
    return !optionOff.contains(company);
  }

  @Override
  public synchronized void replyOnManagementLine(
      PlatformUserId specialist, String text, Keyboard keyboard) {
    available();
    if (!replyFailures.isEmpty()) {
      throw replyFailures.poll();
    }
    ManagementReply reply = new ManagementReply(specialist, text, keyboard);
    replies.add(reply);
    Consumer<ManagementReply> reader = nextReplyReader;
    nextReplyReader = unread -> {};
    reader.accept(reply);
  }

  @Override
  public synchronized ApiAccountVerification verifyApiAccount(
      ApiAccount account, CompanyId company, LineId line) {
    verifications++;
    available();
    AccountFixture fixture = apiAccounts.get(account.login());
    if (fixture == null || !account.password().matches(fixture.password())) {
      return ApiAccountVerification.WRONG_CREDENTIALS;
    }
    if (!fixture.company().equals(company)) {
      return ApiAccountVerification.FOREIGN_COMPANY;
    }
    return fixture.lines().contains(line)
        ? ApiAccountVerification.VERIFIED
        : ApiAccountVerification.LINE_NOT_ALLOWED;
  }

  @Override
  public synchronized TechnicalClient registerTechnicalClient(
      ApiAccount account, CompanyId company, String name, Optional<TechnicalClientId> earlier) {
    available();
    Optional<TechnicalClient> existing =
        clients.stream().filter(c -> earlier.isPresent() && c.id().equals(earlier.get())).findAny();
    if (existing.isPresent()) {
      return existing.get();
    }
    TechnicalClient client = new TechnicalClient(new TechnicalClientId("client-" + nextId++), name);
    clients.add(client);
    return client;
  }

  @Override
  public synchronized PlatformUserId registerChannelUser(
      LineAccess line, AccountId account, String displayName, Optional<String> username) {
    available();
    PlatformUserId existing = usersByAccount.get(account);
    if (existing != null) {
      return existing;
    }
    RegisteredUser user =
        new RegisteredUser(
            new PlatformUserId("user-" + nextId++), line.technicalClient(), displayName, username);
    users.add(user);
    usersByAccount.put(account, user.id());
    userLines.computeIfAbsent(user.id(), u -> new HashMap<>()).putIfAbsent(line.line(), true);
    return user.id();
  }

  @Override
  public synchronized void carryLine(LineAccess line, PlatformUserId user, LineId from) {
    available();
    boolean onThere = !bannedOn(user, from);
    userLines.computeIfAbsent(user, u -> new HashMap<>()).putIfAbsent(line.line(), onThere);
  }

  @Override
  public synchronized boolean isBanned(LineAccess line, PlatformUserId user) {
    available();
    banReads++;
    return bannedOn(user, line.line());
  }

  private boolean bannedOn(PlatformUserId user, LineId line) {
    if (banned.contains(user)) {
      return true;
    }
    Map<LineId, Boolean> lines = userLines.get(user);
    return lines != null && !lines.getOrDefault(line, false);
  }

  @Override
  public synchronized void subscribe(LineAccess line) {
    available();
    subscribed.add(line);
  }

  @Override
  public synchronized void unsubscribe(LineAccess line) {
    available();
    subscribed.removeIf(c -> c.connection().equals(line.connection()));
  }

  @Override
  public synchronized DeliveryOutcome deliverFromUser(
      LineAccess line, PlatformUserId user, LinePost post) {
    available();
    if (!deliveryFailures.isEmpty()) {
      Object next = deliveryFailures.poll();
      if (next instanceof DeliveryOutcome refusal) {
        return refusal;
      }
      throw (RuntimeException) next;
    }
    RuntimeException planned = failuresByExternalId.remove(post.externalId());
    if (planned != null) {
      throw planned;
    }
    if (bannedOn(user, line.line())) {
      return new DeliveryOutcome.UserBanned();
    }
    if (deliveredExternalIds.add(post.externalId())) {
      deliveries.add(new Delivery(line, user, post));
    }
    return DeliveryOutcome.DELIVERED;
  }

  @Override
  public synchronized RemoteFile fetchLineFile(LineAccess line, FileRef file) {
    available();
    byte[] bytes = lineFiles.get(file);
    if (bytes == null) {
      throw new IllegalStateException("no line file " + file);
    }
    return new RemoteFile(
        bytes.length,
        Optional.ofNullable(lineFileTypes.get(file)),
        () -> new ByteArrayInputStream(bytes));
  }

  private void available() {
    if (unavailable) {
      throw new PlatformUnavailable("1C-Connect is down (fake)");
    }
  }
}
