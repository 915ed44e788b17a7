package io.omnichannel.launcher.web;

import static io.omnichannel.launcher.web.ConsoleHtml.link;
import static io.omnichannel.launcher.web.ConsoleHtml.postButton;
import static io.omnichannel.launcher.web.ConsoleHtml.table;
import static io.omnichannel.launcher.web.Html.esc;

import io.omnichannel.core.domain.AuditEntry;
import io.omnichannel.core.domain.AuditEntry.AuditAction;
import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.ConnectionState;
import io.omnichannel.core.domain.DeadLetter;
import io.omnichannel.core.port.in.AccountDirectory.AccountView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The contents of the console's four pages; the frame is {@link ConsoleHtml}'s. */
final class ConsolePages {
  private ConsolePages() {}

  static String connections(
      List<Connection> connections,
      Map<CompanyId, String> companies,
      Map<ConnectionId, Instant> since) {
    return table(
        ConsoleTexts.NO_CONNECTIONS,
        ConsoleTexts.CONNECTION_COLUMNS,
        connections.stream()
            .map(
                c ->
                    new String[] {
                      company(companies, c.company()),
                      esc(c.line().name()),
                      esc(c.channel().displayName()),
                      esc(c.bot().mention())
                          + "<br><span class=\"muted\">"
                          + esc(c.bot().displayName())
                          + "</span>",
                      esc(c.technicalClient().name()),
                      state(c.state()),
                      esc(ConsoleTexts.time(Optional.ofNullable(since.get(c.id())))),
                      link(ConsoleEndpoint.accountsOf(c.id()), ConsoleTexts.USERS_LINK)
                    })
            .toList());
  }

  static String accounts(List<AccountView> accounts) {
    return table(
        ConsoleTexts.NO_ACCOUNTS,
        ConsoleTexts.ACCOUNT_COLUMNS,
        accounts.stream()
            .map(
                view -> {
                  ChannelAccount a = view.account();
                  return new String[] {
                    esc(a.displayName())
                        + a.username()
                            .map(u -> " <span class=\"muted\">@" + esc(u) + "</span>")
                            .orElse(""),
                    esc(ConsoleTexts.chat(a.kind())),
                    view.banned()
                        ? "<span class=\"state-bad\">"
                            + esc(ConsoleTexts.YES)
                            + "</span>"
                            + (a.bannedSince().isEmpty()
                                ? ""
                                : esc(ConsoleTexts.since(a.bannedSince())))
                        : esc(ConsoleTexts.NO),
                    view.blocked()
                        ? esc(ConsoleTexts.YES + ConsoleTexts.since(a.blockedSince()))
                        : esc(ConsoleTexts.NO),
                    esc(ConsoleTexts.time(view.lastActivity())),
                    esc(ConsoleTexts.time(a.createdAt()))
                  };
                })
            .toList());
  }

  static String deadLetters(List<DeadLetter> letters, String csrf) {
    return "<p class=\"hint\">"
        + esc(ConsoleTexts.DEAD_LETTERS_HINT)
        + "</p>\n"
        + table(
            ConsoleTexts.NO_DEAD_LETTERS,
            ConsoleTexts.DEAD_LETTER_COLUMNS,
            letters.stream()
                .map(
                    d ->
                        new String[] {
                          esc(ConsoleTexts.queue(d.queue())),
                          Long.toString(d.id().row()),
                          esc(d.orderingKey()),
                          Integer.toString(d.attempts()),
                          esc(d.reason()),
                          esc(d.lastError().orElse("—")),
                          postButton(
                                  ConsoleEndpoint.deadLetter(d.id(), "requeue"),
                                  csrf,
                                  ConsoleTexts.REQUEUE,
                                  "")
                              + " "
                              + postButton(
                                  ConsoleEndpoint.deadLetter(d.id(), "discard"),
                                  csrf,
                                  ConsoleTexts.DISCARD,
                                  "secondary")
                        })
                .toList());
  }

  static String audit(
      List<AuditEntry> entries,
      Map<CompanyId, String> companies,
      Optional<CompanyId> company,
      Optional<AuditAction> action) {
    StringBuilder filter =
        new StringBuilder("<form method=\"get\" class=\"filter\">\n<label>")
            .append(esc(ConsoleTexts.COMPANY_FILTER))
            .append("<select name=\"company\">")
            .append(option("", ConsoleTexts.ANY, company.isEmpty()));
    companies.forEach(
        (id, name) -> filter.append(option(id.value(), name, company.equals(Optional.of(id)))));
    filter
        .append("</select></label>\n<label>")
        .append(esc(ConsoleTexts.ACTION_FILTER))
        .append("<select name=\"action\">")
        .append(option("", ConsoleTexts.ANY, action.isEmpty()));
    for (AuditAction each : AuditAction.values()) {
      filter.append(
          option(each.name(), ConsoleTexts.action(each), action.equals(Optional.of(each))));
    }
    filter
        .append("</select></label>\n<button type=\"submit\">")
        .append(esc(ConsoleTexts.SHOW))
        .append("</button>\n</form>\n");
    return filter
        + table(
            ConsoleTexts.NO_AUDIT_ENTRIES,
            ConsoleTexts.AUDIT_COLUMNS,
            entries.stream()
                .map(
                    e ->
                        new String[] {
                          esc(ConsoleTexts.time(e.at())),
                          company(companies, e.company()),
                          esc(
                              e.specialist().value().equals("system")
                                  ? ConsoleTexts.GATEWAY
                                  : e.specialist().value()),
                          esc(ConsoleTexts.action(e.action())),
                          esc(e.details())
                        })
                .toList());
  }

  private static String option(String value, String label, boolean selected) {
    return "<option value=\""
        + esc(value)
        + "\""
        + (selected ? " selected" : "")
        + ">"
        + esc(label)
        + "</option>";
  }

  private static String company(Map<CompanyId, String> companies, CompanyId id) {
    String name = companies.get(id);
    return name != null ? esc(name) : "<span class=\"muted\">" + esc(id.value()) + "</span>";
  }

  private static String state(ConnectionState state) {
    return "<span class=\""
        + (state == ConnectionState.ACTIVE ? "state-ok" : "state-bad")
        + "\">"
        + esc(ConsoleTexts.state(state))
        + "</span><br><span class=\"muted\">"
        + esc(ConsoleTexts.reason(state))
        + "</span>";
  }
}
