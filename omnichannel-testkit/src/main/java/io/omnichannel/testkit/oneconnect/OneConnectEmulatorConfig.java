package io.omnichannel.testkit.oneconnect;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link OneConnectEmulator}; every value validates itself in {@link
 * Builder#build()}. Defaults suit a test: ephemeral port, the platform's file limits (20 MiB files,
 * 5 MiB images), hook retries after 1 s doubling up to 30 s, five attempts.
 */
public record OneConnectEmulatorConfig(
    int port,
    long maxFileBytes,
    long maxImageBytes,
    long maxStoredFileBytes,
    int maxRecordedRequests,
    int maxRecordedBodyChars,
    int maxTranscriptEntriesPerChat,
    int maxDeliveryAttempts,
    int maxIdempotencyKeys,
    int hookMaxAttempts,
    Duration hookInitialBackoff,
    Duration hookMaxBackoff,
    Duration hookTimeout,
    EchoMode echoMode) {

  public OneConnectEmulatorConfig {
    check(port >= 0 && port <= 65535, "port", port);
    check(maxFileBytes > 0, "maxFileBytes", maxFileBytes);
    check(maxImageBytes > 0, "maxImageBytes", maxImageBytes);
    check(maxStoredFileBytes >= 0, "maxStoredFileBytes", maxStoredFileBytes);
    check(maxRecordedRequests > 0, "maxRecordedRequests", maxRecordedRequests);
    check(maxRecordedBodyChars >= 0, "maxRecordedBodyChars", maxRecordedBodyChars);
    check(
        maxTranscriptEntriesPerChat > 0,
        "maxTranscriptEntriesPerChat",
        maxTranscriptEntriesPerChat);
    check(maxDeliveryAttempts > 0, "maxDeliveryAttempts", maxDeliveryAttempts);
    check(maxIdempotencyKeys > 0, "maxIdempotencyKeys", maxIdempotencyKeys);
    check(hookMaxAttempts > 0, "hookMaxAttempts", hookMaxAttempts);
    positive(hookInitialBackoff, "hookInitialBackoff");
    positive(hookMaxBackoff, "hookMaxBackoff");
    positive(hookTimeout, "hookTimeout");
    Objects.requireNonNull(echoMode, "echoMode");
  }

  public static OneConnectEmulatorConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  private static void check(boolean ok, String field, Object value) {
    if (!ok) {
      throw new IllegalArgumentException(
          "OneConnectEmulatorConfig." + field + " is out of range: " + value);
    }
  }

  private static void positive(Duration value, String field) {
    Objects.requireNonNull(value, field);
    check(!value.isNegative() && !value.isZero(), field, value);
  }

  /** Mutable builder; unset fields keep the defaults. */
  public static final class Builder {
    private int port = 0;
    private long maxFileBytes = 20L << 20;
    private long maxImageBytes = 5L << 20;
    private long maxStoredFileBytes = 64L << 20;
    private int maxRecordedRequests = 10_000;
    private int maxRecordedBodyChars = 64 * 1024;
    private int maxTranscriptEntriesPerChat = 1_000;
    private int maxDeliveryAttempts = 10_000;
    private int maxIdempotencyKeys = 100_000;
    private int hookMaxAttempts = 5;
    private Duration hookInitialBackoff = Duration.ofSeconds(1);
    private Duration hookMaxBackoff = Duration.ofSeconds(30);
    private Duration hookTimeout = Duration.ofSeconds(5);
    private EchoMode echoMode = EchoMode.LINE_HOOKS;

    private Builder() {}

    public Builder port(int value) {
      port = value;
      return this;
    }

    public Builder maxFileBytes(long value) {
      maxFileBytes = value;
      return this;
    }

    public Builder maxImageBytes(long value) {
      maxImageBytes = value;
      return this;
    }

    public Builder maxStoredFileBytes(long value) {
      maxStoredFileBytes = value;
      return this;
    }

    public Builder maxRecordedRequests(int value) {
      maxRecordedRequests = value;
      return this;
    }

    public Builder maxRecordedBodyChars(int value) {
      maxRecordedBodyChars = value;
      return this;
    }

    public Builder maxTranscriptEntriesPerChat(int value) {
      maxTranscriptEntriesPerChat = value;
      return this;
    }

    public Builder maxDeliveryAttempts(int value) {
      maxDeliveryAttempts = value;
      return this;
    }

    public Builder maxIdempotencyKeys(int value) {
      maxIdempotencyKeys = value;
      return this;
    }

    public Builder hookMaxAttempts(int value) {
      hookMaxAttempts = value;
      return this;
    }

    public Builder hookInitialBackoff(Duration value) {
      hookInitialBackoff = value;
      return this;
    }

    public Builder hookMaxBackoff(Duration value) {
      hookMaxBackoff = value;
      return this;
    }

    public Builder hookTimeout(Duration value) {
      hookTimeout = value;
      return this;
    }

    public Builder echoMode(EchoMode value) {
      echoMode = value;
      return this;
    }

    public OneConnectEmulatorConfig build() {
      return new OneConnectEmulatorConfig(
          port,
          maxFileBytes,
          maxImageBytes,
          maxStoredFileBytes,
          maxRecordedRequests,
          maxRecordedBodyChars,
          maxTranscriptEntriesPerChat,
          maxDeliveryAttempts,
          maxIdempotencyKeys,
          hookMaxAttempts,
          hookInitialBackoff,
          hookMaxBackoff,
          hookTimeout,
          echoMode);
    }
  }
}
