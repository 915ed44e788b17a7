package io.omnichannel.launcher.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.omnichannel.launcher.metrics.LatencyBuckets;
import java.time.Duration;

/**
 * {@code http_server_requests_seconds}: every request timed by method, route template, status and
 * outcome, as a histogram. Routes are the templates the endpoints declare ({@code
 * /hooks/telegram/{connection}}) and anything unmatched is {@code NOT_FOUND}, so a caller cannot
 * create series. Mounted first, into the bundled server or a host's Javalin.
 */
public final class HttpMetrics implements Endpoint {
  private static final String STARTED = "omnichannel.request.started";
  private final MeterRegistry registry;

  public HttpMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void mount(Javalin app) {
    app.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
    app.after(this::record);
  }

  private void record(Context ctx) {
    Long started = ctx.attribute(STARTED);
    if (started == null) {
      return;
    }
    int status = ctx.statusCode();
    Timer.builder("http.server.requests")
        .description("HTTP requests served, by method, route, status and outcome")
        .tag("method", ctx.method().name())
        .tag("uri", route(ctx, status))
        .tag("status", Integer.toString(status))
        .tag("outcome", outcome(status))
        .serviceLevelObjectives(LatencyBuckets.all())
        .register(registry)
        .record(Duration.ofNanos(System.nanoTime() - started));
  }

  private static String route(Context ctx, int status) {
    if (status == HttpStatus.NOT_FOUND.getCode()) {
      return "NOT_FOUND";
    }
    try {
      String path = ctx.endpointHandlerPath();
      return path.isBlank() ? "UNKNOWN" : path;
    } catch (RuntimeException noEndpoint) {
      return "UNKNOWN";
    }
  }

  private static String outcome(int status) {
    if (status >= 500) {
      return "SERVER_ERROR";
    }
    if (status >= 400) {
      return "CLIENT_ERROR";
    }
    if (status >= 300) {
      return "REDIRECTION";
    }
    return status >= 200 ? "SUCCESS" : "INFORMATIONAL";
  }
}
