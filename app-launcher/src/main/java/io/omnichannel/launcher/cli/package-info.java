/**
 * The command line of the runnable jar (picocli): {@code serve} runs the gateway until stopped,
 * {@code migrate} brings the schema up to date; both read their settings through {@code config}.
 * Uses picocli, the launcher's wiring and {@code config}, the adapters' config types and {@code
 * Persistence} (for {@code migrate}).
 */
package io.omnichannel.launcher.cli;
