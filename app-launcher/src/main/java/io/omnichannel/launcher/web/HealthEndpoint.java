package io.omnichannel.launcher.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code /health/live} answers while the process serves HTTP; {@code /health/started} once the
 * gateway has finished starting (workers, polling, the management line's hook); {@code
 * /health/ready} only when every readiness check passes (database reachable, workers running),
 * listing each check as {@code {name, status}}.
 */
public final class HealthEndpoint implements Endpoint {
  /** One thing the service needs before it can take traffic. */
  public record Check(String name, BooleanSupplier healthy) {}

  /** A check's outcome as {@code /health/ready} lists it. */
  record CheckResult(String name, String status) {}

  private final List<Check> checks;
  private final BooleanSupplier started;

  public HealthEndpoint(List<Check> checks, BooleanSupplier started) {
    this.checks = List.copyOf(checks);
    this.started = started;
  }

  @Override
  public void mount(Javalin app) {
    app.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
    app.get("/health/started", ctx -> answer(ctx, started.getAsBoolean(), Map.of()));
    app.get("/health/ready", this::ready);
  }

  private void ready(Context ctx) {
    List<CheckResult> results = new ArrayList<>();
    boolean allUp = true;
    for (Check check : checks) {
      boolean up;
      try {
        up = check.healthy().getAsBoolean();
      } catch (RuntimeException failed) {
        up = false;
      }
      results.add(new CheckResult(check.name(), status(up)));
      allUp &= up;
    }
    answer(ctx, allUp, Map.of("checks", results));
  }

  private static void answer(Context ctx, boolean up, Map<String, Object> details) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status(up));
    body.putAll(details);
    ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(body);
  }

  private static String status(boolean up) {
    return up ? "UP" : "DOWN";
  }
}
