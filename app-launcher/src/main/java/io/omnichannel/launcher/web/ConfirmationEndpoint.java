package io.omnichannel.launcher.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.port.in.ConfirmationOutcome;
import io.omnichannel.core.port.in.ConfirmationPage;
import io.omnichannel.core.port.in.ConfirmationView;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.util.MultiMap;

/**
 * {@code GET|POST /confirm/{token}}: the one-time page. The token is in the path, so the page is
 * never cached and never sent on as a referrer. The form is read (within its limit, with Jetty's
 * form decoder) only for a pending link.
 */
public final class ConfirmationEndpoint implements Endpoint {
  private static final String ASK_FOR_ACCOUNT = "Введите логин и пароль учетной записи API.";

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
    SecurityHeaders.apply(ctx);
    render(ctx, confirmations.view(ctx.pathParam("token")), Optional.empty());
  }

  /**
   * The token in the path is checked first: for a link that is not pending the form is not read,
   * the answer is the final refusal submitting it would give.
   */
  private void submit(Context ctx) {
    SecurityHeaders.apply(ctx);
    Optional<Duration> wait = throttle.take(ctx.ip());
    if (wait.isPresent()) {
      ctx.status(HttpStatus.TOO_MANY_REQUESTS)
          .header("Retry-After", FormThrottle.retryAfter(wait.get()))
          .html(ConfirmationHtml.throttled());
      return;
    }
    BoundedBody.refuseDeclaredOver(ctx, BoundedBody.CONFIRMATION_FORM);
    String token = ctx.pathParam("token");
    ConfirmationView view = confirmations.view(token);
    if (!(view instanceof ConfirmationView.Pending)) {
      ctx.status(HttpStatus.CONFLICT).html(ConfirmationHtml.finalRefusal(refusalOf(view)));
      return;
    }
    Optional<MultiMap<String>> form = SmallForm.read(ctx);
    if (form.isEmpty()) {
      ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, view, Optional.of(ASK_FOR_ACCOUNT));
      return;
    }
    String login = SmallForm.value(form.get(), "login").strip();
    String password = SmallForm.value(form.get(), "password");
    if (login.isEmpty() || password.isEmpty()) {
      render(ctx, view, Optional.of(ASK_FOR_ACCOUNT));
      return;
    }
    if (!ApiAccount.fitsTheStore(login, password)) {
      // no account has such a login or password: nothing to ask 1C-Connect
      ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, view, Optional.of(ASK_FOR_ACCOUNT));
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
        ChannelKind channel = ((ConfirmationView.Pending) view).channel();
        render(
            ctx,
            confirmations.view(token),
            Optional.of(ConfirmationHtml.refusalText(refusal, channel)));
      } else {
        ctx.status(HttpStatus.CONFLICT)
            .html(
                ConfirmationHtml.finalRefusal(
                    refusal, ((ConfirmationView.Pending) view).channel()));
      }
    }
  }

  /** What submitting the form would answer for a link that is not pending. */
  private static ConfirmationOutcome.Refusal refusalOf(ConfirmationView view) {
    if (view instanceof ConfirmationView.Expired) {
      return ConfirmationOutcome.Refusal.EXPIRED;
    }
    if (view instanceof ConfirmationView.Used) {
      return ConfirmationOutcome.Refusal.ALREADY_USED;
    }
    return ConfirmationOutcome.Refusal.UNKNOWN_LINK;
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
}
