package io.omnichannel.launcher.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code /health/live} answers while the process serves HTTP; {@code /health/ready} only when every
 * readiness check passes (database reachable and migrated, workers running), naming the ones that
 * fail.
 */
public final class HealthEndpoint implements Endpoint {
  /** One thing the service needs before it can take traffic. */
  public record Check(String name, BooleanSupplier healthy) {}

  private final List<Check> checks;

  public HealthEndpoint(List<Check> checks) {
    this.checks = List.copyOf(checks);
  }

  @Override
  public void mount(Javalin app) {
    app.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
    app.get("/health/ready", this::ready);
  }

  private void ready(Context ctx) {
    Map<String, String> results = new LinkedHashMap<>();
    boolean allUp = true;
    for (Check check : checks) {
      boolean up;
      try {
        up = check.healthy().getAsBoolean();
      } catch (RuntimeException failed) {
        up = false;
      }
      results.put(check.name(), up ? "UP" : "DOWN");
      allUp &= up;
    }
    ctx.status(allUp ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .json(Map.of("status", allUp ? "UP" : "DOWN", "checks", results));
  }
}
