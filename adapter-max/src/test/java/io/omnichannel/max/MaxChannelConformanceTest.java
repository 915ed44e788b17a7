package io.omnichannel.max;

import io.omnichannel.conformance.ChannelDriver;
import io.omnichannel.conformance.MessengerChannelConformance;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.port.out.ChannelUpdateDecoder;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.testkit.max.MaxBotInfo;
import io.omnichannel.testkit.max.MaxButton;
import io.omnichannel.testkit.max.MaxDialogScenario;
import io.omnichannel.testkit.max.MaxGroupScenario;
import io.omnichannel.testkit.max.MaxInjected;
import io.omnichannel.testkit.max.MaxSentMessage;
import io.omnichannel.testkit.max.MaxUser;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The channel conformance kit (B4) run against the MAX adapter and the MAX emulator. */
class MaxChannelConformanceTest extends MessengerChannelConformance {

  @Override
  protected ChannelDriver createDriver() {
    return new MaxDriver();
  }

  /**
   * Plays the MAX side with the emulator. A user's update is returned as the adapter received it:
   * the adapter long-polls the bot and the driver reads the row the core stored.
   */
  private static final class MaxDriver implements ChannelDriver {
    private static final MaxUser ALICE = MaxUser.of(42, "Alice", "Smith", "alice");
    private static final MaxUser BOB = MaxUser.of(43, "Bob", "Brown", "bob");
    private static final long GROUP_ID = -70_000_000_001L;
    private static final String GROUP_TITLE = "Support group";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final World world = new World();
    private final Max max = world.max(world.config(MaxConfig.ReceiveMode.POLLING));
    private final Map<String, MaxBotInfo> bots = new HashMap<>();
    private final Map<String, Connection> receiving = new HashMap<>();
    private final Map<String, MaxDialogScenario> dialogs = new HashMap<>();
    private final Map<String, MaxGroupScenario> groups = new HashMap<>();

    @Override
    public MessengerChannel channel() {
      return max.messengerChannel();
    }

    @Override
    public ChannelUpdateDecoder decoder() {
      return max.updateDecoder();
    }

    @Override
    public TestBot newBot() {
      MaxBotInfo bot = world.newBot();
      bots.put(bot.token(), bot);
      return new TestBot(BotToken.of(bot.token()), bot.username(), bot.name());
    }

    @Override
    public BotToken unknownToken() {
      return BotToken.of("987654321:" + "Z".repeat(35));
    }

    @Override
    public void revoke(BotToken token) {
      world.emulator.revokeToken(token.reveal());
    }

    private MaxDialogScenario dialog(BotToken bot) {
      return dialogs.computeIfAbsent(
          bot.reveal(),
          token -> {
            MaxDialogScenario dialog = world.emulator.bot(token).dialog(ALICE);
            dialog.startsBot();
            return dialog;
          });
    }

    @Override
    public ChatId userChat(BotToken bot) {
      return new ChatId(Long.toString(dialog(bot).chatId()));
    }

    @Override
    public String userDisplayName() {
      return "Alice Smith";
    }

    @Override
    public String userSendsText(BotToken bot, String text) {
      return received(bot, dialog(bot).sendsText(text));
    }

    @Override
    public String userSendsFile(BotToken bot, String fileName, long sizeBytes) {
      return received(bot, dialog(bot).sendsFile(fileName, sizeBytes));
    }

    @Override
    public String userSendsImage(BotToken bot, long sizeBytes) {
      return received(bot, dialog(bot).sendsImage(sizeBytes));
    }

    /** A group the bot is in as an admin with read_all_messages (else MAX hides the messages). */
    private MaxGroupScenario group(BotToken bot) {
      return groups.computeIfAbsent(
          bot.reveal(),
          token -> {
            MaxGroupScenario group = world.emulator.bot(token).group(GROUP_ID, GROUP_TITLE);
            group.addsBot(ALICE);
            return group.makesBotAdmin();
          });
    }

    @Override
    public ChatId groupChat(BotToken bot) {
      return new ChatId(Long.toString(group(bot).chatId()));
    }

    @Override
    public String groupTitle() {
      return GROUP_TITLE;
    }

    @Override
    public String groupMemberDisplayName() {
      return "Bob Brown";
    }

    @Override
    public String memberSendsTextInGroup(BotToken bot, String text) {
      return received(bot, group(bot).member(BOB).sendsText(text));
    }

    @Override
    public String userBlocksBot(BotToken bot) {
      return received(bot, dialog(bot).stopsBot(), ALICE);
    }

    @Override
    public String botRemovedFromGroup(BotToken bot) {
      MaxGroupScenario group = group(bot);
      return received(bot, group.removesBot(ALICE), ALICE);
    }

    /** A message update as the adapter's poller handed it to the core (keyed by its mid). */
    private String received(BotToken bot, MaxInjected injected) {
      return stored(bot, injected.mid());
    }

    /**
     * Any other update (no mid) as stored: the adapter keys it by type, chat, user and timestamp.
     */
    private String received(BotToken bot, MaxInjected injected, MaxUser user) {
      return stored(
          bot,
          injected.updateType()
              + ":"
              + injected.chatId()
              + ":"
              + user.userId()
              + ":"
              + injected.timestamp());
    }

    /** The update stored under {@code key} once the adapter's poller handed it to the core. */
    private String stored(BotToken bot, String key) {
      MaxBotInfo info = bots.get(bot.reveal());
      receiving.computeIfAbsent(
          bot.reveal(),
          token -> {
            Connection connection = world.connect(info);
            max.messengerChannel()
                .startReceiving(
                    connection.id(), connection.botAccess(), Secret.of("unused_secret"));
            return connection;
          });
      String eventId = "max:" + info.userId() + ":" + key;
      Core.await(
          "update " + key + " stored",
          WAIT,
          () -> world.core.stored().stream().anyMatch(row -> row.eventId().equals(eventId)));
      return world.core.stored().stream()
          .filter(row -> row.eventId().equals(eventId))
          .map(InboundRecord::payload)
          .findFirst()
          .orElseThrow();
    }

    @Override
    public List<Delivered> awaitSent(BotToken bot, ChatId chat, int count, Duration timeout) {
      return world
          .emulator
          .awaitSent(bot.reveal(), Long.parseLong(chat.value()), count, timeout)
          .stream()
          .map(MaxDriver::delivered)
          .toList();
    }

    private static Delivered delivered(MaxSentMessage sent) {
      return new Delivered(
          sent.text() == null ? "" : sent.text(),
          sent.allButtons().stream().map(MaxButton::text).toList());
    }

    @Override
    public int maxTextLength() {
      return 4000;
    }

    @Override
    public void close() {
      world.close();
    }
  }
}
