package io.omnichannel.e2e;

/**
 * The same scenarios as {@link MaxWebhookEndToEndTest}, on a MariaDB server instead of the embedded
 * H2.
 */
class MaxWebhookOnMariaDbEndToEndTest extends MaxWebhookEndToEndTest {
  @Override
  boolean onMariaDb() {
    return true;
  }
}
