package io.omnichannel.launcher.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.omnichannel.core.domain.AuditEntry.AuditAction;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.DeadLetter;
import io.omnichannel.core.domain.RandomTokens;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.failure.GatewayFailure;
import io.omnichannel.core.port.in.AccountDirectory;
import io.omnichannel.core.port.in.DeadLetterDesk;
import io.omnichannel.core.port.out.AuditTrail;
import io.omnichannel.core.port.out.CompanyNames;
import io.omnichannel.core.port.out.ConnectionRepository;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /console}: the operators' console in the browser. The admin token is entered once on the
 * login page (compared in constant time, logins throttled per address) and opens a server-side
 * session whose cookie is HttpOnly, SameSite=Strict and Secure behind https. Every change is a POST
 * carrying the session's CSRF token (and, when the browser sends one, an Origin of this service);
 * the session is checked before a body is read. Pages are in Russian, escaped, script-free.
 */
public final class ConsoleEndpoint implements Endpoint {
  static final String ROOT = "/console";
  static final String LOGIN = ROOT + "/login";
  static final String LOGOUT = ROOT + "/logout";
  static final String CONNECTIONS = ROOT + "/connections";
  static final String DEAD_LETTERS = ROOT + "/dead-letters";
  static final String AUDIT = ROOT + "/audit";
  static final String COOKIE = "omnichannel_console";
  private static final int SHOWN = 200;
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleEndpoint.class);

  private static final Map<String, String> NOTICES =
      Map.of(
          "requeued", "Сообщение возвращено в очередь.",
          "discarded", "Сообщение удалено.",
          "gone", "Этого сообщения уже нет среди недоставленных.");

  private final Optional<Secret> token;
  private final boolean httpsBase;
  private final String publicAuthority;
  private final ConnectionRepository connections;
  private final CompanyNames companies;
  private final AccountDirectory accounts;
  private final DeadLetterDesk deadLetters;
  private final AuditTrail audit;
  private final ConsoleSessions sessions;
  private final FormThrottle throttle = FormThrottle.standard();

  public ConsoleEndpoint(
      Optional<Secret> token,
      URI publicBaseUrl,
      ConnectionRepository connections,
      CompanyNames companies,
      AccountDirectory accounts,
      DeadLetterDesk deadLetters,
      AuditTrail audit,
      Clock clock) {
    this.token = token;
    this.httpsBase = "https".equalsIgnoreCase(publicBaseUrl.getScheme());
    this.publicAuthority = Optional.ofNullable(publicBaseUrl.getAuthority()).orElse("");
    this.connections = connections;
    this.companies = companies;
    this.accounts = accounts;
    this.deadLetters = deadLetters;
    this.audit = audit;
    this.sessions = new ConsoleSessions(RandomTokens.secure(), clock::instant, 1_000);
  }

  static String accountsOf(ConnectionId id) {
    return CONNECTIONS + "/" + URLEncoder.encode(id.value(), StandardCharsets.UTF_8) + "/accounts";
  }

  static String deadLetter(DeadLetter.Id id, String action) {
    return DEAD_LETTERS
        + "/"
        + id.queue().name().toLowerCase(Locale.ROOT)
        + "/"
        + id.row()
        + "/"
        + action;
  }

  @Override
  public void mount(Javalin app) {
    app.before(ROOT, SecurityHeaders::apply);
    app.before(ROOT + "/*", SecurityHeaders::apply);
    app.get(ROOT, ctx -> ctx.redirect(CONNECTIONS, HttpStatus.SEE_OTHER));
    app.get(LOGIN, this::loginPage);
    app.post(LOGIN, this::login);
    app.post(LOGOUT, ctx -> act(ctx, session -> logout(ctx)));
    app.get(CONNECTIONS, ctx -> show(ctx, "Подключения", this::connectionsPage));
    app.get(
        CONNECTIONS + "/{id}/accounts",
        ctx -> show(ctx, "Пользователи подключения", this::accountsPage));
    app.get(DEAD_LETTERS, ctx -> show(ctx, "Недоставленные сообщения", this::deadLettersPage));
    app.post(DEAD_LETTERS + "/{queue}/{row}/{action}", ctx -> act(ctx, session -> rework(ctx)));
    app.get(AUDIT, ctx -> show(ctx, "Журнал действий", this::auditPage));
  }

  // ---- login and logout

  private void loginPage(Context ctx) {
    if (token.isEmpty()) {
      closed(ctx);
      return;
    }
    ctx.html(
        ConsoleHtml.login(
            Optional.empty(),
            Optional.ofNullable(ctx.queryParam("bye")).map(bye -> "Вы вышли из консоли.")));
  }

  private void login(Context ctx) {
    if (token.isEmpty()) {
      closed(ctx);
      return;
    }
    if (!fromThisService(ctx)) {
      ctx.status(HttpStatus.FORBIDDEN)
          .html(ConsoleHtml.message("Вход отклонен", "Форма отправлена с другого сайта."));
      return;
    }
    Optional<Duration> wait = throttle.take(ctx.ip());
    if (wait.isPresent()) {
      ctx.status(HttpStatus.TOO_MANY_REQUESTS)
          .header("Retry-After", FormThrottle.retryAfter(wait.get()))
          .html(
              ConsoleHtml.message(
                  "Слишком много попыток",
                  "С этого адреса входили слишком часто. Подождите немного."));
      return;
    }
    Optional<String> presented = SmallForm.read(ctx).map(form -> SmallForm.value(form, "token"));
    if (presented.isEmpty() || !token.get().matches(presented.get())) {
      LOG.warn("console login refused from {}", ctx.ip());
      ctx.status(presented.isEmpty() ? HttpStatus.BAD_REQUEST : HttpStatus.UNAUTHORIZED)
          .html(ConsoleHtml.login(Optional.of("Неверный токен администратора."), Optional.empty()));
      return;
    }
    sessions.close(ctx.cookie(COOKIE));
    ConsoleSessions.Opened opened = sessions.open();
    ctx.cookie(cookie(ctx, opened.cookieValue(), (int) ConsoleSessions.LONGEST.toSeconds()));
    LOG.info("console login from {}", ctx.ip());
    ctx.redirect(CONNECTIONS, HttpStatus.SEE_OTHER);
  }

  private void logout(Context ctx) {
    sessions.close(ctx.cookie(COOKIE));
    ctx.cookie(cookie(ctx, "", 0));
    ctx.redirect(LOGIN + "?bye", HttpStatus.SEE_OTHER);
  }

  private Cookie cookie(Context ctx, String value, int maxAgeSeconds) {
    boolean secure =
        httpsBase
            || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"))
            || "https".equals(ctx.scheme());
    return new Cookie(
        COOKIE, value, ROOT, maxAgeSeconds, secure, 0, true, null, null, SameSite.STRICT);
  }

  private void closed(Context ctx) {
    ctx.status(HttpStatus.NOT_FOUND)
        .html(
            ConsoleHtml.message(
                "Консоль закрыта", "Токен администратора не задан (OMNICHANNEL_ADMIN_TOKEN)."));
  }

  // ---- pages and actions behind the session

  private interface Content {
    /** The page's HTML content, or empty after answering otherwise (an error status). */
    Optional<String> render(Context ctx, String csrf);
  }

  private void show(Context ctx, String title, Content content) {
    Optional<ConsoleSessions.Session> session = sessions.find(ctx.cookie(COOKIE));
    if (session.isEmpty()) {
      ctx.redirect(LOGIN, HttpStatus.SEE_OTHER);
      return;
    }
    String csrf = session.get().csrfToken();
    Optional<String> notice = Optional.ofNullable(ctx.queryParam("done")).map(NOTICES::get);
    content
        .render(ctx, csrf)
        .ifPresent(html -> ctx.html(ConsoleHtml.page(title, csrf, notice, html)));
  }

  /** A POST: the session first, then the body, then its CSRF token. */
  private void act(Context ctx, java.util.function.Consumer<ConsoleSessions.Session> action) {
    Optional<ConsoleSessions.Session> session = sessions.find(ctx.cookie(COOKIE));
    if (session.isEmpty() || !fromThisService(ctx)) {
      ctx.status(HttpStatus.FORBIDDEN)
          .html(ConsoleHtml.message("Действие отклонено", "Войдите в консоль заново."));
      return;
    }
    boolean carries =
        SmallForm.read(ctx)
            .map(form -> session.get().carries(form.getValue(ConsoleHtml.CSRF_FIELD, 0)))
            .orElse(false);
    if (!carries) {
      ctx.status(HttpStatus.FORBIDDEN)
          .html(
              ConsoleHtml.message("Действие отклонено", "Страница устарела: откройте ее заново."));
      return;
    }
    action.accept(session.get());
  }

  /**
   * A browser says where a POST comes from: {@code Sec-Fetch-Site} (every current browser), else
   * {@code Origin} (which is {@code null} under this site's no-referrer policy, hence the header
   * before it). A request from another site is refused. The CSRF token is the real check: this one
   * also covers the login form, which has no session yet. A client that sends neither (a script)
   * passes on to the token checks.
   */
  private boolean fromThisService(Context ctx) {
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null) {
      return site.equals("same-origin") || site.equals("none");
    }
    String origin = ctx.header("Origin");
    if (origin == null || origin.isEmpty()) {
      return true;
    }
    String authority;
    try {
      authority = Optional.ofNullable(URI.create(origin).getAuthority()).orElse("");
    } catch (IllegalArgumentException garbage) {
      return false;
    }
    return !authority.isEmpty()
        && (authority.equalsIgnoreCase(ctx.host()) || authority.equalsIgnoreCase(publicAuthority));
  }

  private Optional<String> connectionsPage(Context ctx, String csrf) {
    return Optional.of(
        ConsolePages.connections(
            connections.allActive(), companies.all(), connections.activeStatesSince()));
  }

  private Optional<String> accountsPage(Context ctx, String csrf) {
    String id = ctx.pathParam("id");
    Optional<Connection> connection =
        id.isBlank() || !new ConnectionId(id).fitsTheStore()
            ? Optional.empty()
            : connections.find(new ConnectionId(id));
    if (connection.isEmpty()) {
      ctx.status(HttpStatus.NOT_FOUND)
          .html(ConsoleHtml.page("Подключение не найдено", csrf, Optional.empty(), ""));
      return Optional.empty();
    }
    Connection c = connection.get();
    String heading =
        "<p>Линия «"
            + Html.esc(c.line().name())
            + "», бот "
            + Html.esc(c.bot().mention())
            + ", клиент «"
            + Html.esc(c.technicalClient().name())
            + "».</p>\n";
    try {
      return Optional.of(heading + ConsolePages.accounts(accounts.accountsOf(c.id())));
    } catch (GatewayFailure unavailable) {
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
      return Optional.of(
          heading
              + "<p class=\"error\">1С-Коннект сейчас не отвечает: состояние банов не прочитано. Обновите страницу позже.</p>");
    }
  }

  private Optional<String> deadLettersPage(Context ctx, String csrf) {
    return Optional.of(ConsolePages.deadLetters(deadLetters.deadLetters(), csrf));
  }

  private Optional<String> auditPage(Context ctx, String csrf) {
    String company = Optional.ofNullable(ctx.queryParam("company")).orElse("").strip();
    String action = Optional.ofNullable(ctx.queryParam("action")).orElse("").strip();
    boolean knownAction =
        action.isEmpty()
            || Arrays.stream(AuditAction.values()).anyMatch(a -> a.name().equals(action));
    if (company.length() > 64 || !knownAction) {
      ctx.status(HttpStatus.BAD_REQUEST)
          .html(ConsoleHtml.page("Неверный фильтр", csrf, Optional.empty(), ""));
      return Optional.empty();
    }
    Optional<CompanyId> byCompany =
        Optional.of(company).filter(c -> !c.isEmpty()).map(CompanyId::new);
    Optional<AuditAction> byAction =
        Optional.of(action).filter(a -> !a.isEmpty()).map(AuditAction::valueOf);
    return Optional.of(
        ConsolePages.audit(
            audit.newest(byCompany, byAction, SHOWN), companies.all(), byCompany, byAction));
  }

  private void rework(Context ctx) {
    Optional<DeadLetter.Id> id = deadLetterId(ctx.pathParam("queue"), ctx.pathParam("row"));
    String action = ctx.pathParam("action");
    if (id.isEmpty() || !(action.equals("requeue") || action.equals("discard"))) {
      ctx.status(HttpStatus.NOT_FOUND)
          .html(ConsoleHtml.message("Не найдено", "Такого действия нет."));
      return;
    }
    DeadLetterDesk.Outcome outcome =
        action.equals("requeue") ? deadLetters.requeue(id.get()) : deadLetters.discard(id.get());
    LOG.info("console: dead letter {} row {}: {}", id.get().queue(), id.get().row(), outcome);
    String done =
        switch (outcome) {
          case REQUEUED -> "requeued";
          case DISCARDED -> "discarded";
          case NOT_DEAD -> "gone";
        };
    ctx.redirect(DEAD_LETTERS + "?done=" + done, HttpStatus.SEE_OTHER);
  }

  /** A dead letter's id from the path; empty for anything that cannot be one. */
  static Optional<DeadLetter.Id> deadLetterId(String queue, String row) {
    Optional<DeadLetter.Queue> named =
        Arrays.stream(DeadLetter.Queue.values())
            .filter(q -> q.name().toLowerCase(Locale.ROOT).equals(queue))
            .findFirst();
    if (named.isEmpty()
        || row.isEmpty()
        || row.length() > 18
        || !row.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    long number = Long.parseLong(row);
    return number > 0 ? Optional.of(new DeadLetter.Id(named.get(), number)) : Optional.empty();
  }
}
