package io.omnichannel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ChannelCatalog;
import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.ChannelLimits;
import io.omnichannel.core.domain.ChannelPost;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.domain.OutboundPost;
import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.domain.RemoteFile;
import io.omnichannel.core.fakes.FakePlatform;
import io.omnichannel.core.fakes.InMemoryAccounts;
import io.omnichannel.core.fakes.InMemoryLogs;
import io.omnichannel.core.fakes.InMemoryTopicNames;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.core.usecase.RelayToLine;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.InjectedUpdate;
import io.omnichannel.testkit.telegram.SentMessage;
import io.omnichannel.testkit.telegram.UserSpec;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Files users send: looked up with getFile, checked against the core's limits, downloaded by
 * streaming only when they pass. The core's own RelayToLine runs on the real adapter; a recording
 * proxy shows which calls reached the emulator.
 */
class InboundFileTest {
  private static final UserSpec ALICE = UserSpec.of(42, "Alice");

  private final World world = new World();
  private final RecordingProxy proxy = new RecordingProxy(world.emulator.baseUrl());
  private final Telegram telegram =
      world.telegram(world.config(TelegramConfig.ReceiveMode.WEBHOOK).withApiBaseUrl(proxy.base()));
  private final MessengerChannel channel = telegram.messengerChannel();
  private final BotInfo bot = world.newBot();
  private final Connection connection = world.connect(bot);
  private final FakePlatform platform = new FakePlatform();
  private final RelayToLine relay =
      new RelayToLine(
          platform,
          channel,
          new ChannelCatalog(List.of(channel.describe())),
          new InMemoryAccounts(),
          new InMemoryTopicNames(world.connections::find),
          world.connections,
          new InMemoryLogs(),
          world.clock);

  @AfterEach
  void close() throws Exception {
    proxy.close();
    world.close();
  }

  private List<OutboxMessage> relay(InjectedUpdate update) {
    ChannelEvent event = telegram.updateDecoder().decode(update.json());
    return relay.relay(connection, event, "telegram:" + bot.id() + ":" + update.updateId());
  }

  private List<String> downloads() {
    return proxy.paths().stream().filter(path -> path.startsWith("/file/")).toList();
  }

  @Test
  void aPhotoWithinTheLimitIsLookedUpThenStreamedToTheLine() throws Exception {
    byte[] bytes = new byte[3 * 1024 * 1024];
    new Random(7).nextBytes(bytes);
    InjectedUpdate update = world.emulator.bot(bot.token()).user(ALICE).sendsPhoto("look", bytes);

    assertThat(relay(update)).isEmpty();

    LinePost.File delivered = (LinePost.File) platform.deliveries().get(0).post();
    assertThat(delivered.sizeBytes()).isEqualTo(bytes.length);
    assertThat(downloads()).isEmpty();
    try (InputStream in = delivered.source().open()) {
      assertThat(sha256(in))
          .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }
    assertThat(downloads()).hasSize(1);
    assertThat(proxy.paths()).noneMatch(path -> path.contains(bot.token()));
  }

  @Test
  void anOversizeFileIsNeverDownloadedTheUserGetsANoticeAndTheLineAPlaceholder() {
    InjectedUpdate update =
        world
            .emulator
            .bot(bot.token())
            .user(ALICE)
            .sendsDocument("video.mkv", "video/x-matroska", 25L * ChannelLimits.MEBIBYTE);

    List<OutboxMessage> notices = relay(update);

    assertThat(notices).hasSize(1);
    OutboundPost.Text notice = (OutboundPost.Text) notices.get(0).post();
    channel.send(
        connection.botAccess(),
        notices.get(0).chat(),
        Optional.empty(),
        new ChannelPost.Text(notice.text(), notice.keyboard()));
    List<SentMessage> sent =
        world.emulator.awaitSent(bot.token(), ALICE.id(), 1, Duration.ofSeconds(5));
    assertThat(sent.get(0).text()).isEqualTo(notice.text());
    assertThat(platform.deliveries())
        .singleElement()
        .satisfies(delivery -> assertThat(delivery.post()).isInstanceOf(LinePost.Text.class));
    assertThat(downloads()).isEmpty();
  }

  @Test
  void aFileWhoseRealSizeIsOverTheLimitIsRefusedAfterGetFileWithoutDownload() throws Exception {
    InjectedUpdate update =
        world
            .emulator
            .bot(bot.token())
            .user(ALICE)
            .sendsPhoto(null, 400L * ChannelLimits.MEBIBYTE / 60 * 60);
    String fileId =
        ((io.omnichannel.core.domain.MessageContent.Image)
                ((ChannelEvent.ChannelMessage) telegram.updateDecoder().decode(update.json()))
                    .content())
            .file()
            .ref()
            .value();

    RemoteFile remote = channel.fetchFile(connection.botAccess(), new FileRef(fileId));

    assertThat(remote.sizeBytes()).isGreaterThan(ChannelLimits.TO_LINE_IMAGE_MAX_BYTES);
    assertThat(proxy.paths()).anyMatch(path -> path.endsWith("/getFile"));
    assertThat(relay(update)).hasSize(1);
    assertThat(downloads()).isEmpty();
  }

  private static String sha256(InputStream in) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) > 0) {
      digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
