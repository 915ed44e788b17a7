/**
 * The HTTP endpoints, each an {@link io.omnichannel.launcher.web.Endpoint} that mounts into the
 * bundled Javalin or a host's: the adapters' hooks, the confirmation page, the admin API, health
 * and metrics. Uses Javalin, Guava's HTML escaping, Micrometer's Prometheus registry, the core's
 * domain and ports, and the adapters' framework-free hook handlers.
 */
package io.omnichannel.launcher.web;
