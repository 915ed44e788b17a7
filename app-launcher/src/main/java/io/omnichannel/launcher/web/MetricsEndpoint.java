package io.omnichannel.launcher.web;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** {@code /metrics} in Prometheus' text format. */
public final class MetricsEndpoint implements Endpoint {
  private final PrometheusMeterRegistry registry;
  private final Runnable beforeScrape;

  /**
   * @param beforeScrape brings the registry up to date (meters whose labels appear at run time)
   */
  public MetricsEndpoint(PrometheusMeterRegistry registry, Runnable beforeScrape) {
    this.registry = registry;
    this.beforeScrape = beforeScrape;
  }

  @Override
  public void mount(Javalin app) {
    app.get(
        "/metrics",
        ctx -> {
          beforeScrape.run();
          ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
        });
  }
}
