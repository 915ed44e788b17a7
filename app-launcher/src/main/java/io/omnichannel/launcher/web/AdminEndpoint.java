package io.omnichannel.launcher.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.omnichannel.core.domain.AuditEntry;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.DeadLetter;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.port.in.AccountDirectory;
import io.omnichannel.core.port.in.DeadLetterDesk;
import io.omnichannel.core.port.out.AuditTrail;
import io.omnichannel.core.port.out.ConnectionRepository;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /admin}: connections with their state, a technical client's accounts with ban state (F14),
 * dead letters and the audit trail, as JSON, plus one plain HTML overview. Bearer token from
 * configuration; no token configured means the admin side is closed. Nothing here shows a secret;
 * every answer carries the confirmation page's security headers.
 */
public final class AdminEndpoint implements Endpoint {
  private final Optional<Secret> token;
  private final ConnectionRepository connections;
  private final AccountDirectory accounts;
  private final AuditTrail audit;
  private final DeadLetterDesk deadLetters;

  public AdminEndpoint(
      Optional<Secret> token,
      ConnectionRepository connections,
      AccountDirectory accounts,
      AuditTrail audit,
      DeadLetterDesk deadLetters) {
    this.token = token;
    this.connections = connections;
    this.accounts = accounts;
    this.audit = audit;
    this.deadLetters = deadLetters;
  }

  @Override
  public void mount(Javalin app) {
    app.before("/admin", this::authorize);
    app.before("/admin/*", this::authorize);
    app.get("/admin", this::overview);
    app.get(
        "/admin/connections",
        ctx -> ctx.json(connections.allActive().stream().map(AdminEndpoint::view).toList()));
    app.get("/admin/connections/{id}/accounts", this::accountsOf);
    app.get(
        "/admin/dead-letters",
        ctx -> ctx.json(deadLetters.deadLetters().stream().map(AdminEndpoint::view).toList()));
    app.post("/admin/dead-letters/{queue}/{row}/requeue", ctx -> rework(ctx, deadLetters::requeue));
    app.post("/admin/dead-letters/{queue}/{row}/discard", ctx -> rework(ctx, deadLetters::discard));
    app.get("/admin/audit", this::auditTrail);
  }

  private void authorize(Context ctx) {
    SecurityHeaders.apply(ctx);
    BearerToken.require(ctx, token);
  }

  /**
   * 200 with the outcome; 404 for a path that names no dead letter, 409 when it is no longer dead.
   */
  private void rework(Context ctx, Function<DeadLetter.Id, DeadLetterDesk.Outcome> action) {
    Optional<DeadLetter.Id> id =
        ConsoleEndpoint.deadLetterId(ctx.pathParam("queue"), ctx.pathParam("row"));
    if (id.isEmpty()) {
      ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no dead letter has such an id"));
      return;
    }
    DeadLetterDesk.Outcome outcome = action.apply(id.get());
    ctx.status(outcome == DeadLetterDesk.Outcome.NOT_DEAD ? HttpStatus.CONFLICT : HttpStatus.OK)
        .json(Map.of("outcome", outcome.name()));
  }

  private void accountsOf(Context ctx) {
    String id = ctx.pathParam("id");
    if (id.isBlank() || !new ConnectionId(id).fitsTheStore()) {
      ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "no connection has such an id"));
      return;
    }
    ctx.json(accounts.accountsOf(new ConnectionId(id)).stream().map(AdminEndpoint::view).toList());
  }

  private void auditTrail(Context ctx) {
    String company = ctx.queryParam("company");
    if (company == null || company.isBlank()) {
      ctx.status(HttpStatus.BAD_REQUEST)
          .json(Map.of("error", "query parameter company is required"));
      return;
    }
    ctx.json(audit.of(new CompanyId(company)).stream().map(AdminEndpoint::view).toList());
  }

  private void overview(Context ctx) {
    StringBuilder rows = new StringBuilder();
    for (Connection connection : connections.allActive()) {
      rows.append("<tr><td>")
          .append(esc(connection.company().value()))
          .append("</td><td>")
          .append(esc(connection.line().name()))
          .append("</td><td>")
          .append(esc(connection.channel().displayName()))
          .append("</td><td>")
          .append(esc(connection.bot().mention()))
          .append("</td><td>")
          .append(esc(connection.technicalClient().name()))
          .append("</td><td>")
          .append(connection.state())
          .append("</td></tr>\n");
    }
    ctx.html(
        "<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\"><title>omnichannel — admin</title></head>"
            + "<body><h1>"
            + ConsoleTexts.ADMIN_CONNECTIONS
            + "</h1>\n<table border=\"1\" cellpadding=\"4\"><tr>"
            + ConsoleTexts.ADMIN_CONNECTION_COLUMNS.stream()
                .map(column -> "<th>" + esc(column) + "</th>")
                .collect(Collectors.joining())
            + "</tr>\n"
            + rows
            + "</table>\n<p>"
            + ConsoleTexts.ADMIN_DEAD_LETTERS
            + deadLetters.deadLetters().size()
            + "</p>\n</body></html>\n");
  }

  private static Map<String, Object> view(Connection connection) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", connection.id().value());
    view.put("company", connection.company().value());
    view.put("line_id", connection.line().id().value());
    view.put("line", connection.line().name());
    view.put("channel", connection.channel().displayName());
    view.put("bot", connection.bot().mention());
    view.put("bot_name", connection.bot().displayName());
    view.put("client", connection.technicalClient().name());
    view.put("api_account", connection.apiAccount().login());
    view.put("state", connection.state().name());
    view.put("connected_at", connection.connectedAt().toString());
    return view;
  }

  private static Map<String, Object> view(AccountDirectory.AccountView account) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", account.account().id().value());
    view.put("name", account.account().displayName());
    view.put("username", account.account().username().orElse(null));
    view.put("chat_kind", account.account().kind().name());
    view.put("epoch", account.account().epoch());
    view.put("banned", account.banned());
    // the gateway's own record, which relaying reads: learnt from subscription events (F9)
    view.put("banned_since", account.account().bannedSince().map(Object::toString).orElse(null));
    view.put("blocked", account.blocked());
    view.put("last_activity", account.lastActivity().map(Object::toString).orElse(null));
    view.put("created_at", account.account().createdAt().toString());
    return view;
  }

  /** The fields as before dead letters moved into the core: scripts read these names. */
  private static Map<String, Object> view(DeadLetter letter) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("queue", letter.queue().name().toLowerCase(Locale.ROOT));
    view.put("id", letter.id().row());
    view.put("orderingKey", letter.orderingKey());
    view.put("attempts", letter.attempts());
    view.put("reason", letter.reason());
    view.put("lastError", letter.lastError().orElse(null));
    return view;
  }

  private static Map<String, Object> view(AuditEntry entry) {
    return Map.of(
        "at",
        entry.at().toString(),
        "specialist",
        entry.specialist().value(),
        "action",
        entry.action().name(),
        "details",
        entry.details());
  }

  private static String esc(String text) {
    return Html.esc(text);
  }
}
