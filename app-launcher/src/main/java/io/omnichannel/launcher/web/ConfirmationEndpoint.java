package io.omnichannel.launcher.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.port.in.ConfirmationOutcome;
import io.omnichannel.core.port.in.ConfirmationPage;
import io.omnichannel.core.port.in.ConfirmationView;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code GET|POST /confirm/{token}}: the one-time page. The token is in the path, so the page is
 * never cached and never sent on as a referrer.
 */
public final class ConfirmationEndpoint implements Endpoint {
  private final ConfirmationPage confirmations;
  private final FormThrottle throttle;

  public ConfirmationEndpoint(ConfirmationPage confirmations) {
    this(confirmations, FormThrottle.standard());
  }

  ConfirmationEndpoint(ConfirmationPage confirmations, FormThrottle throttle) {
    this.confirmations = confirmations;
    this.throttle = throttle;
  }

  @Override
  public void mount(Javalin app) {
    app.get("/confirm/{token}", this::show);
    app.post("/confirm/{token}", this::submit);
  }

  private void show(Context ctx) {
    secure(ctx);
    render(ctx, confirmations.view(ctx.pathParam("token")), Optional.empty());
  }

  private void submit(Context ctx) {
    secure(ctx);
    Optional<Duration> wait = throttle.take(ctx.ip());
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      ctx.status(HttpStatus.TOO_MANY_REQUESTS)
          .header("Retry-After", Long.toString(seconds))
          .html(ConfirmationHtml.throttled());
      return;
    }
    String token = ctx.pathParam("token");
    String login = Optional.ofNullable(ctx.formParam("login")).orElse("").strip();
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    if (login.isEmpty() || password.isEmpty()) {
      render(
          ctx,
          confirmations.view(token),
          Optional.of("Введите логин и пароль учетной записи API."));
      return;
    }
    ConfirmationOutcome outcome =
        confirmations.submit(token, new ApiAccount(login, Secret.of(password)));
    if (outcome instanceof ConfirmationOutcome.Connected connected) {
      ctx.html(ConfirmationHtml.connected(connected));
    } else if (outcome instanceof ConfirmationOutcome.Disconnected disconnected) {
      ctx.html(ConfirmationHtml.disconnected(disconnected));
    } else {
      ConfirmationOutcome.Refusal refusal = ((ConfirmationOutcome.Refused) outcome).reason();
      if (ConfirmationHtml.canRetry(refusal)) {
        ctx.status(
            refusal == ConfirmationOutcome.Refusal.TEMPORARILY_UNAVAILABLE
                ? HttpStatus.SERVICE_UNAVAILABLE
                : HttpStatus.UNPROCESSABLE_CONTENT);
        render(ctx, confirmations.view(token), Optional.of(ConfirmationHtml.refusalText(refusal)));
      } else {
        ctx.status(HttpStatus.CONFLICT).html(ConfirmationHtml.finalRefusal(refusal));
      }
    }
  }

  private static void render(Context ctx, ConfirmationView view, Optional<String> error) {
    if (view instanceof ConfirmationView.Pending pending) {
      ctx.html(ConfirmationHtml.form(pending, error));
    } else if (view instanceof ConfirmationView.Expired) {
      ctx.status(HttpStatus.GONE).html(ConfirmationHtml.expired());
    } else if (view instanceof ConfirmationView.Used) {
      ctx.status(HttpStatus.GONE).html(ConfirmationHtml.used());
    } else {
      ctx.status(HttpStatus.NOT_FOUND).html(ConfirmationHtml.unknown());
    }
  }

  private static void secure(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
  }
}
