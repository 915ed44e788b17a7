package io.omnichannel.testkit.oneconnect;

import static io.omnichannel.testkit.oneconnect.SoapPropertyNames.*;

import io.omnichannel.testkit.oneconnect.ValueTable.Column;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** Which lines users may use (UserServiceLine*) and SpecialistRead. */
final class LineOperations {
  /** 1C's empty date, which it writes where a date is unknown (never nil). */
  private static final Instant NO_DATE = Instant.parse("0001-01-01T00:00:00Z");

  private final Directory directory;
  private final ClientRegistry clients;
  private final ClientOperations clientOperations;

  LineOperations(Directory directory, ClientRegistry clients, ClientOperations clientOperations) {
    this.directory = directory;
    this.clients = clients;
    this.clientOperations = clientOperations;
  }

  void register(Map<String, SoapOperation> operations) {
    operations.put("UserServiceLineAdd", this::add);
    operations.put("UserServiceLineRead", this::read);
    operations.put("UserServiceLineEdit", this::edit);
    operations.put("UserServiceLineDelete", this::delete);
    operations.put("SpecialistRead", this::specialists);
  }

  private SoapResult add(ApiAccount account, SoapParams params) {
    ClientUser user = clientOperations.user(account, params);
    Line line = line(account, params);
    boolean active = params.bool(ACTIVE) == null || params.bool(ACTIVE);
    return clients.subscribe(user.id(), line.id(), active, PushApiTime.now())
        ? SoapResult.success(null)
        : SoapResult.failure(DUPLICATE, "The user already has this line");
  }

  private SoapResult read(ApiAccount account, SoapParams params) {
    String onlyUser = params.string(USER_ID);
    String onlyLine = params.string(SERVICE_LINE_ID);
    ValueTable table =
        ValueTable.of(
            Column.string(USER_ID, 36, false),
            Column.string(SERVICE_LINE_ID, 36, false),
            Column.of(ACTIVE, "xs:boolean", false),
            Column.of(CREATED_AT, "xs:dateTime", false));
    for (LineSubscription s : clients.allSubscriptions()) {
      boolean own =
          directory
              .line(s.lineId())
              .map(l -> l.companyId().equals(account.companyId()))
              .orElse(false);
      boolean wanted =
          own
              && (onlyUser == null || onlyUser.equals(s.userId()))
              && (onlyLine == null || onlyLine.equals(s.lineId()));
      if (wanted) {
        table.row(s.userId(), s.lineId(), s.active(), s.since());
      }
    }
    return SoapResult.success(table);
  }

  private SoapResult edit(ApiAccount account, SoapParams params) {
    ClientUser user = clientOperations.user(account, params);
    Line line = line(account, params);
    boolean active = params.requiredBool(ACTIVE);
    if (clients.subscription(user.id(), line.id()).isEmpty()) {
      return SoapResult.failure(NOT_FOUND, "The user does not have this line");
    }
    clients.setActive(user.id(), line.id(), active, PushApiTime.now());
    return SoapResult.success(null);
  }

  private SoapResult delete(ApiAccount account, SoapParams params) {
    ClientUser user = clientOperations.user(account, params);
    Line line = line(account, params);
    return clients.unsubscribe(user.id(), line.id())
        ? SoapResult.success(null)
        : SoapResult.failure(NOT_FOUND, "The user does not have this line");
  }

  private SoapResult specialists(ApiAccount account, SoapParams params) {
    params.dateTime(CHANGED_FROM);
    ValueTable table =
        ValueTable.of(
            Column.string(SPECIALIST_ID, 36, false),
            Column.of(CREATED_AT, "xs:dateTime", true),
            Column.of(DELETED, "xs:boolean", false),
            Column.of(LOGIN, "xs:decimal", false),
            Column.string(NAME, 0, false),
            Column.string(SURNAME, 0, false),
            Column.string(PATRONYMIC, 0, false),
            Column.of(BIRTHDAY, "xs:dateTime", false),
            Column.string(POST, 0, false),
            Column.string(DEPARTMENT_ID, 36, true),
            Column.string(PHONE, 0, false),
            Column.string(EMAIL, 0, false));
    for (Specialist s : directory.specialistsOf(account.companyId())) {
      table.row(
          s.id(),
          directory.createdAt(s.id()),
          false,
          BigDecimal.valueOf(s.login()),
          s.name(),
          s.surname() == null ? "" : s.surname(),
          "",
          NO_DATE,
          "",
          null,
          "",
          "");
    }
    return SoapResult.success(table);
  }

  private Line line(ApiAccount account, SoapParams params) {
    String id = params.requiredString(SERVICE_LINE_ID);
    return directory
        .line(id)
        .filter(l -> l.companyId().equals(account.companyId()))
        .orElseThrow(() -> SoapParams.refuse(NOT_FOUND, "Line not found: " + id));
  }
}
