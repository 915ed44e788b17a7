/**
 * The hand wiring: {@link io.omnichannel.launcher.Omnichannel} builds the adapters and use cases by
 * constructor, starts and stops them, and mounts the endpoints; the waking inbox and outbox rouse
 * this instance's workers. The one place that may use everything: the core, all three adapters,
 * Micrometer, Javalin and the launcher's own subpackages.
 */
package io.omnichannel.launcher;
