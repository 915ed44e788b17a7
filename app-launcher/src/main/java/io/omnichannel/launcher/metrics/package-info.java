/**
 * Prometheus metrics without touching the core: decorators of the core's driven ports that count
 * and time what passes through them, and the adapters' own counts, all registered by {@link
 * io.omnichannel.launcher.metrics.Metering}. Uses Micrometer, the core's domain and ports, and
 * {@code work}'s forwarding queue; no adapter.
 */
package io.omnichannel.launcher.metrics;
