package io.omnichannel.testkit.oneconnect;

import static io.omnichannel.testkit.oneconnect.SoapPropertyNames.*;

import io.omnichannel.testkit.oneconnect.ValueTable.Column;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Client companies and their users: ClientAdd/Read/Edit/Delete, ClientUserAdd/Read/Edit/Delete. */
final class ClientOperations {
  private final ClientRegistry clients;

  ClientOperations(ClientRegistry clients) {
    this.clients = clients;
  }

  void register(Map<String, SoapOperation> operations) {
    operations.put("ClientAdd", this::clientAdd);
    operations.put("ClientRead", this::clientRead);
    operations.put("ClientEdit", this::clientEdit);
    operations.put("ClientDelete", this::clientDelete);
    operations.put("ClientUserAdd", this::userAdd);
    operations.put("ClientUserRead", this::userRead);
    operations.put("ClientUserEdit", this::userEdit);
    operations.put("ClientUserDelete", this::userDelete);
  }

  private SoapResult clientAdd(ApiAccount account, SoapParams params) {
    String id = idOrNew(params.string(CLIENT_ID));
    String inn = params.string(INN);
    if (inn != null
        && clients.clients().stream()
            .anyMatch(
                c ->
                    c.companyId().equals(account.companyId())
                        && inn.equals(c.inn())
                        && !c.deleted())) {
      return SoapResult.failure(DUPLICATE, "A client with this INN exists");
    }
    ClientCompany client =
        new ClientCompany(
            id, account.companyId(), params.requiredString(NAME), inn, PushApiTime.now(), false);
    return clients.putClient(client)
        ? SoapResult.success(id)
        : SoapResult.failure(DUPLICATE, "A client with this ClientID exists");
  }

  private SoapResult clientRead(ApiAccount account, SoapParams params) {
    String onlyId = params.string(CLIENT_ID);
    Instant changedFrom = params.dateTime(CHANGED_FROM);
    ValueTable table =
        ValueTable.of(
            Column.string(CLIENT_ID, 36, false),
            Column.of(CREATED_AT, "xs:dateTime", false),
            Column.of(DELETED, "xs:boolean", false),
            Column.string(NAME, 0, false),
            Column.string(INN, 12, true));
    for (ClientCompany c : clients.clients()) {
      boolean wanted =
          c.companyId().equals(account.companyId())
              && (onlyId == null || onlyId.equals(c.id()))
              && (changedFrom == null || !c.createdAt().isBefore(changedFrom));
      if (wanted) {
        table.row(c.id(), c.createdAt(), c.deleted(), c.name(), c.inn());
      }
    }
    return SoapResult.success(table);
  }

  private SoapResult clientEdit(ApiAccount account, SoapParams params) {
    ClientCompany c = client(account, params);
    clients.replaceClient(
        new ClientCompany(
            c.id(),
            c.companyId(),
            orElse(params.string(NAME), c.name()),
            params.has(INN) ? params.string(INN) : c.inn(),
            c.createdAt(),
            c.deleted()));
    return SoapResult.success(c.id());
  }

  private SoapResult clientDelete(ApiAccount account, SoapParams params) {
    ClientCompany c = client(account, params);
    clients.replaceClient(
        new ClientCompany(c.id(), c.companyId(), c.name(), c.inn(), c.createdAt(), true));
    return SoapResult.success(c.id());
  }

  private SoapResult userAdd(ApiAccount account, SoapParams params) {
    ClientCompany client = client(account, params);
    String id = idOrNew(params.string(USER_ID));
    String login = params.string(LOGIN);
    if (login != null && clients.userByLogin(login).isPresent()) {
      return SoapResult.failure(DUPLICATE, "A user with this Login exists");
    }
    ClientUser user =
        new ClientUser(
            id,
            client.id(),
            params.requiredString(NAME),
            params.string(SURNAME),
            params.string(PATRONYMIC),
            login,
            params.string(EMAIL),
            params.string(PHONE),
            PushApiTime.now(),
            false);
    return clients.putUser(user)
        ? SoapResult.success(id)
        : SoapResult.failure(DUPLICATE, "A user with this UserID exists");
  }

  private SoapResult userRead(ApiAccount account, SoapParams params) {
    String onlyClient = params.string(CLIENT_ID);
    String onlyUser = params.string(USER_ID);
    ValueTable table =
        ValueTable.of(
            Column.string(USER_ID, 36, false),
            Column.string(CLIENT_ID, 36, false),
            Column.of(CREATED_AT, "xs:dateTime", false),
            Column.of(DELETED, "xs:boolean", false),
            Column.string(LOGIN, 0, true),
            Column.string(NAME, 0, false),
            Column.string(SURNAME, 0, true),
            Column.string(PATRONYMIC, 0, true),
            Column.string(EMAIL, 0, true),
            Column.string(PHONE, 0, true));
    for (ClientUser u : clients.users()) {
      boolean wanted =
          ownClient(account, u.clientId())
              && (onlyClient == null || onlyClient.equals(u.clientId()))
              && (onlyUser == null || onlyUser.equals(u.id()));
      if (wanted) {
        table.row(
            u.id(),
            u.clientId(),
            u.createdAt(),
            u.deleted(),
            u.login(),
            u.name(),
            u.surname(),
            u.patronymic(),
            u.email(),
            u.phone());
      }
    }
    return SoapResult.success(table);
  }

  private SoapResult userEdit(ApiAccount account, SoapParams params) {
    ClientUser u = user(account, params);
    clients.replaceUser(
        new ClientUser(
            u.id(),
            u.clientId(),
            orElse(params.string(NAME), u.name()),
            keep(params, SURNAME, u.surname()),
            keep(params, PATRONYMIC, u.patronymic()),
            keep(params, LOGIN, u.login()),
            keep(params, EMAIL, u.email()),
            keep(params, PHONE, u.phone()),
            u.createdAt(),
            u.deleted()));
    return SoapResult.success(u.id());
  }

  private SoapResult userDelete(ApiAccount account, SoapParams params) {
    ClientUser u = user(account, params);
    clients.replaceUser(
        new ClientUser(
            u.id(),
            u.clientId(),
            u.name(),
            u.surname(),
            u.patronymic(),
            u.login(),
            u.email(),
            u.phone(),
            u.createdAt(),
            true));
    return SoapResult.success(u.id());
  }

  /** The account's client named by ClientID; NOT_FOUND for another company's client. */
  private ClientCompany client(ApiAccount account, SoapParams params) {
    String id = params.requiredString(CLIENT_ID);
    return clients
        .client(id)
        .filter(c -> c.companyId().equals(account.companyId()))
        .orElseThrow(() -> SoapParams.refuse(NOT_FOUND, "Client not found: " + id));
  }

  ClientUser user(ApiAccount account, SoapParams params) {
    String id = params.requiredString(USER_ID);
    return clients
        .user(id)
        .filter(u -> ownClient(account, u.clientId()))
        .orElseThrow(() -> SoapParams.refuse(NOT_FOUND, "User not found: " + id));
  }

  private boolean ownClient(ApiAccount account, String clientId) {
    return clients
        .client(clientId)
        .map(c -> c.companyId().equals(account.companyId()))
        .orElse(false);
  }

  private static String idOrNew(String given) {
    return given == null || given.isBlank() ? UUID.randomUUID().toString() : given;
  }

  private static String orElse(String value, String fallback) {
    return value == null ? fallback : value;
  }

  private static String keep(SoapParams params, String name, String old) {
    return params.has(name) ? params.string(name) : old;
  }
}
