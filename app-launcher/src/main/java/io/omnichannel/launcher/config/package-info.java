/**
 * The service's settings: every {@link io.omnichannel.launcher.config.Setting} read from the
 * environment over an optional properties file, validated all at once into a {@link
 * io.omnichannel.launcher.config.LauncherConfig}, never echoing a secret. Plain Java and the core's
 * domain values only; no adapter, no framework.
 */
package io.omnichannel.launcher.config;
