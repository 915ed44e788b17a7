package io.omnichannel.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.LimitCheck.FileKind;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.failure.PlatformRejected;
import io.omnichannel.testkit.oneconnect.OneConnectEmulator;
import io.omnichannel.testkit.oneconnect.OneConnectEmulatorConfig;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Uploads stream from the source in small reads, and the platform's size limit comes back as 413.
 */
class UploadLimitsTest {
  private static final int LIMIT = 64 * 1024;

  private OneConnectEmulator emulator;
  private TestWorld world;

  @BeforeEach
  void start() {
    emulator =
        OneConnectEmulator.start(OneConnectEmulatorConfig.builder().maxFileBytes(LIMIT).build());
    world = new TestWorld(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void aFileIsReadFromItsSourceInPiecesNeverAllAtOnce() {
    GeneratedStream source = new GeneratedStream(LIMIT - 10);

    world
        .platform()
        .deliverFromUser(
            world.connection(),
            new PlatformUserId(world.user.id()),
            new LinePost.File(
                FileKind.FILE,
                "data.bin",
                "application/octet-stream",
                LIMIT - 10,
                () -> source,
                Optional.empty(),
                "tg:9:1"));

    assertThat(source.served.get()).isEqualTo(LIMIT - 10);
    assertThat(source.largestRead.get()).isLessThan(LIMIT - 10);
    assertThat(emulator.inspection().transcript(world.support.id(), world.user.id()))
        .singleElement()
        .satisfies(e -> assertThat(e.file().size()).isEqualTo(LIMIT - 10));
  }

  @Test
  void aFileOverThePlatformsLimitIs413() {
    assertThatThrownBy(
            () ->
                world
                    .platform()
                    .deliverFromUser(
                        world.connection(),
                        new PlatformUserId(world.user.id()),
                        new LinePost.File(
                            FileKind.FILE,
                            "big.bin",
                            "application/octet-stream",
                            LIMIT + 1,
                            () -> new GeneratedStream(LIMIT + 1),
                            Optional.empty(),
                            "tg:9:2")))
        .isInstanceOfSatisfying(
            PlatformRejected.class,
            e -> assertThat(e.code()).isEqualTo("HTTP 413: File is too large"));
    assertThat(emulator.inspection().transcript(world.support.id(), world.user.id())).isEmpty();
  }

  /** {@code size} bytes made on demand; records how much was read and the largest single read. */
  private static final class GeneratedStream extends InputStream {
    final AtomicLong served = new AtomicLong();
    final AtomicLong largestRead = new AtomicLong();
    private final long size;

    GeneratedStream(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      long left = size - served.get();
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(length, left);
      for (int i = 0; i < n; i++) {
        buffer[offset + i] = (byte) ('a' + (served.get() + i) % 26);
      }
      served.addAndGet(n);
      largestRead.accumulateAndGet(n, Math::max);
      return n;
    }
  }
}
