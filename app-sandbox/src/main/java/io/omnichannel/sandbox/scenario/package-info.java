/**
 * Scenario helpers the sandbox's story and the end-to-end tests share: both emulators with the
 * vendor's management line ({@link io.omnichannel.sandbox.scenario.Emulators}), a specialist's
 * conversation with that line ({@link io.omnichannel.sandbox.scenario.ManagementChat}), what
 * reaches the support lines ({@link io.omnichannel.sandbox.scenario.SupportLines}), and the
 * gateway's pages, admin API and metrics over HTTP ({@link
 * io.omnichannel.sandbox.scenario.GatewayHttp}).
 *
 * <p>May use the testkit's emulators, the launcher's settings types and the JDK's HTTP client; no
 * JUnit or AssertJ, since the sandbox jar ships this code: a failed expectation is an {@link
 * AssertionError} with what was expected.
 */
package io.omnichannel.sandbox.scenario;
