package io.omnichannel.oneconnect;

import static io.omnichannel.oneconnect.SoapNames.*;

import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.failure.PlatformRejected;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PartnerWebAPI2 operations the gateway uses, with their parameters named through {@link
 * SoapNames}.
 */
final class PartnerWebApi {
  /** A client company (the technical client is one). */
  record Client(String id, String name, boolean deleted) {}

  /** Whether a user may use a line; {@code active == false} is the line switched off (a ban). */
  record UserLine(String userId, String lineId, boolean active) {}

  private final SoapClient soap;

  PartnerWebApi(SoapClient soap) {
    this.soap = soap;
  }

  String clientAdd(ApiAccount account, String name) {
    return text(CLIENT_ADD, soap.call(account, CLIENT_ADD, params(NAME, name)));
  }

  List<Client> clientRead(ApiAccount account) {
    return table(CLIENT_READ, soap.call(account, CLIENT_READ, Map.of())).rows().stream()
        .map(
            row ->
                new Client(
                    required(CLIENT_READ, row, CLIENT_ID),
                    SoapTable.string(row, NAME).orElse(""),
                    SoapTable.flag(row, DELETED)))
        .toList();
  }

  /** Adds a user under the id the caller chose, so that adding it again answers DUPLICATE. */
  String clientUserAdd(ApiAccount account, String clientId, String userId, String name) {
    return text(
        CLIENT_USER_ADD,
        soap.call(
            account, CLIENT_USER_ADD, params(CLIENT_ID, clientId, USER_ID, userId, NAME, name)));
  }

  /** Gives a user a line, switched off when {@code active} is false (a ban). */
  void userServiceLineAdd(ApiAccount account, String userId, String lineId, boolean active) {
    Map<String, Object> params = params(USER_ID, userId, SERVICE_LINE_ID, lineId);
    params.put(ACTIVE, active);
    soap.call(account, USER_SERVICE_LINE_ADD, params);
  }

  /** The user's lines; all of them when {@code lineId} is null. */
  List<UserLine> userServiceLineRead(ApiAccount account, String userId, String lineId) {
    Map<String, Object> params = params(USER_ID, userId);
    if (lineId != null) {
      params.put(SERVICE_LINE_ID, lineId);
    }
    Object data = soap.call(account, USER_SERVICE_LINE_READ, params);
    return table(USER_SERVICE_LINE_READ, data).rows().stream()
        .map(
            row ->
                new UserLine(
                    required(USER_SERVICE_LINE_READ, row, USER_ID),
                    required(USER_SERVICE_LINE_READ, row, SERVICE_LINE_ID),
                    SoapTable.flag(row, ACTIVE)))
        .toList();
  }

  private static Map<String, Object> params(String... namesAndValues) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      params.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return params;
  }

  private static String text(String operation, Object data) {
    if (data instanceof String id && !id.isBlank()) {
      return id;
    }
    throw new PlatformRejected(operation, "malformed answer: no id in ResultData");
  }

  private static SoapTable table(String operation, Object data) {
    if (data instanceof SoapTable table) {
      return table;
    }
    throw new PlatformRejected(operation, "malformed answer: ResultData is not a ValueTable");
  }

  private static String required(String operation, Map<String, Object> row, String column) {
    Optional<String> value = SoapTable.string(row, column);
    return value.orElseThrow(
        () -> new PlatformRejected(operation, "malformed answer: no " + column));
  }
}
