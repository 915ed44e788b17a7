/**
 * The offline sandbox: {@link io.omnichannel.sandbox.SandboxCommand} (the jar's command line) runs
 * the gateway on a fresh embedded database against the three emulators (Telegram, MAX, 1C-Connect)
 * with a demo company, drives the whole story through the real HTTP paths ({@code SandboxStory})
 * and prints it as a two-sided transcript. Uses the launcher's public API and the scenario helpers
 * of {@code scenario}, which the end-to-end tests share.
 */
package io.omnichannel.sandbox;
