package io.omnichannel.messenger.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigChecksTest {

  @Test
  void theWebhookUrlIsUnderTheMessengersHooksWhetherTheBaseEndsInASlashOrNot() {
    assertThat(ConfigChecks.webhookUrl(URI.create("https://x.example/base"), "max", "c-1"))
        .isEqualTo(URI.create("https://x.example/base/hooks/max/c-1"));
    assertThat(ConfigChecks.webhookUrl(URI.create("https://x.example/"), "telegram", "c-2"))
        .isEqualTo(URI.create("https://x.example/hooks/telegram/c-2"));
  }

  @Test
  void badSettingsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> ConfigChecks.httpUrl(URI.create("ftp://x"), "apiBaseUrl"))
        .hasMessage("apiBaseUrl must be http(s): ftp://x");
    assertThatThrownBy(() -> ConfigChecks.positive(Duration.ZERO, "leaseTtl"))
        .hasMessage("leaseTtl must be > 0");
    assertThatThrownBy(() -> ConfigChecks.positive(null, "connect")).hasMessage("connect");
    assertThatThrownBy(() -> ConfigChecks.notBlank(" ", "instanceId"))
        .hasMessage("instanceId must not be blank");
    assertThatThrownBy(() -> ConfigChecks.scaled(Duration.ofSeconds(1), 0))
        .hasMessage("factor must be > 0");
  }

  enum Mode {
    WEBHOOK
  }

  @Test
  void theSettingsEveryMessengerHasAreCheckedByName() {
    URI api = URI.create("https://api.example");
    URI us = URI.create("https://us.example");

    ConfigChecks.receiving(api, Mode.WEBHOOK, us, "instance-a");
    assertThatThrownBy(() -> ConfigChecks.receiving(api, null, us, "instance-a"))
        .hasMessage("receiveMode");
    assertThatThrownBy(() -> ConfigChecks.receiving(api, Mode.WEBHOOK, null, "instance-a"))
        .hasMessage("publicBaseUrl");
    assertThatThrownBy(() -> ConfigChecks.receiving(api, Mode.WEBHOOK, us, ""))
        .hasMessage("instanceId must not be blank");
  }

  @Test
  void theLongPollIsBoundedByTheMessengersMostAndTheBackOffGrows() {
    Duration second = Duration.ofSeconds(1);
    ConfigChecks.timeouts(
        second, second, second, Duration.ofSeconds(30), 30, second, second, second);

    assertThatThrownBy(
            () ->
                ConfigChecks.timeouts(
                    second, second, second, Duration.ofSeconds(31), 30, second, second, second))
        .hasMessage("longPoll must be 0..30 s");
    assertThatThrownBy(
            () ->
                ConfigChecks.timeouts(
                    second, second, second, second, 30, Duration.ofSeconds(2), second, second))
        .hasMessage("backoffMax must be >= backoffMin");
  }

  @Test
  void aScaledWindowIsNeverZero() {
    assertThat(ConfigChecks.scaled(Duration.ofSeconds(2), 0.5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(ConfigChecks.scaled(Duration.ofNanos(1), 1e-9)).isEqualTo(Duration.ofNanos(1));
  }
}
