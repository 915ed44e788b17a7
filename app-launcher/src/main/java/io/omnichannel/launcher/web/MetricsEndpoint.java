package io.omnichannel.launcher.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.omnichannel.core.domain.Secret;
import java.util.Optional;

/**
 * {@code /metrics} in Prometheus' text format. Open on the management port, which only operators
 * reach; on the public port it asks for the admin token as a Bearer header (no token configured:
 * closed), since the counters tell outsiders how the service is used.
 */
public final class MetricsEndpoint implements Endpoint {
  private final PrometheusMeterRegistry registry;
  private final Runnable beforeScrape;
  private final Optional<Optional<Secret>> requiredToken;

  private MetricsEndpoint(
      PrometheusMeterRegistry registry,
      Runnable beforeScrape,
      Optional<Optional<Secret>> requiredToken) {
    this.registry = registry;
    this.beforeScrape = beforeScrape;
    this.requiredToken = requiredToken;
  }

  /**
   * For the management port: anyone who reaches it may scrape.
   *
   * @param beforeScrape brings the registry up to date (meters whose labels appear at run time)
   */
  public static MetricsEndpoint open(PrometheusMeterRegistry registry, Runnable beforeScrape) {
    return new MetricsEndpoint(registry, beforeScrape, Optional.empty());
  }

  /** For the public port: only with {@code Authorization: Bearer <admin token>}. */
  public static MetricsEndpoint behindToken(
      PrometheusMeterRegistry registry, Runnable beforeScrape, Optional<Secret> adminToken) {
    return new MetricsEndpoint(registry, beforeScrape, Optional.of(adminToken));
  }

  @Override
  public void mount(Javalin app) {
    app.get("/metrics", this::scrape);
  }

  private void scrape(Context ctx) {
    requiredToken.ifPresent(token -> BearerToken.require(ctx, token));
    beforeScrape.run();
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
  }
}
