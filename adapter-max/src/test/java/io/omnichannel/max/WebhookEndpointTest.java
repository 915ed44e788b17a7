package io.omnichannel.max;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.max.Max.WebhookResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The webhook: the secret is checked (by the core, against its hash, in constant time) before the
 * body is opened; the body is bounded; an update is stored under its stable key before the 200.
 */
class WebhookEndpointTest {
  private final Core core = new Core();
  private final WebhookEndpoint endpoint = new WebhookEndpoint(core.accepting, Fixtures.JSON);
  private final Secret secret = Secret.of("webhook_secret-123");
  private final Connection connection = core.connect(555000, Core.standIn("max-token-1"), secret);

  private static Max.Body body(String text) {
    return () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private WebhookResponse post(String secretHeader, Max.Body body) {
    return endpoint.handle(connection.id().value(), secretHeader, body);
  }

  @Test
  void anUpdateWithTheSecretIsStoredUnderItsMidAsReceivedThenAcknowledged() {
    String update = Fixtures.read("dialog_text.json");

    WebhookResponse response = post("webhook_secret-123", body(update));

    assertThat(response).isEqualTo(WebhookResponse.OK);
    assertThat(core.stored())
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.eventId())
                  .isEqualTo("max:555000:mid.ffffbdb48e6c3775019d496b34394b84");
              assertThat(record.orderingKey()).isEqualTo(connection.id() + "/880001");
              assertThat(record.payload()).isEqualTo(update);
            });
  }

  @Test
  void aRedeliveryIsAcknowledgedWithoutASecondRowButAnEditIsStored() {
    post("webhook_secret-123", body(Fixtures.read("dialog_text.json")));

    assertThat(post("webhook_secret-123", body(Fixtures.read("dialog_text.json"))))
        .isEqualTo(WebhookResponse.OK);
    assertThat(core.stored()).hasSize(1);
    assertThat(post("webhook_secret-123", body(Fixtures.read("edited.json"))))
        .isEqualTo(WebhookResponse.OK);
    assertThat(core.stored()).hasSize(2);
  }

  @Test
  void aWrongOrMissingSecretIsRefusedWithoutOpeningTheBody() {
    AtomicBoolean opened = new AtomicBoolean();
    Max.Body watched =
        () -> {
          opened.set(true);
          return InputStream.nullInputStream();
        };

    assertThat(post("webhook_secret-124", watched)).isEqualTo(WebhookResponse.UNAUTHORIZED);
    assertThat(post(null, watched)).isEqualTo(WebhookResponse.UNAUTHORIZED);
    assertThat(opened).isFalse();
    assertThat(core.stored()).isEmpty();
  }

  @Test
  void aBodyOverOneMebibyteIsRefusedUnparsed() {
    byte[] big = new byte[WebhookEndpoint.MAX_BODY + 1];
    Arrays.fill(big, (byte) ' ');

    WebhookResponse response = post("webhook_secret-123", () -> new ByteArrayInputStream(big));

    assertThat(response.status()).isEqualTo(413);
    assertThat(core.stored()).isEmpty();
  }

  @Test
  void whatIsNoMaxUpdateIs400AndAnUnknownConnection404() {
    assertThat(post("webhook_secret-123", body("{\"update_id\":1}")))
        .isEqualTo(WebhookResponse.BAD_REQUEST);
    assertThat(post("webhook_secret-123", body("garbage"))).isEqualTo(WebhookResponse.BAD_REQUEST);
    assertThat(
            endpoint.handle(
                "00000000-0000-0000-0000-000000000000",
                "webhook_secret-123",
                body(Fixtures.read("dialog_text.json"))))
        .isEqualTo(WebhookResponse.NOT_FOUND);
    assertThat(core.stored()).isEmpty();
  }
}
