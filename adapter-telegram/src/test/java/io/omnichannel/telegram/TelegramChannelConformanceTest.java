package io.omnichannel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.conformance.ChannelDriver;
import io.omnichannel.conformance.MessengerChannelConformance;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.port.out.ChannelUpdateDecoder;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.GroupScenario;
import io.omnichannel.testkit.telegram.GroupSpec;
import io.omnichannel.testkit.telegram.RateLimits;
import io.omnichannel.testkit.telegram.SentMessage;
import io.omnichannel.testkit.telegram.TelegramEmulatorConfig;
import io.omnichannel.testkit.telegram.UserSpec;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The channel conformance kit (B4) run against the real Telegram adapter and the Telegram emulator.
 */
class TelegramChannelConformanceTest extends MessengerChannelConformance {

  @Override
  protected ChannelDriver createDriver() {
    return new TelegramDriver();
  }

  /** Plays the Telegram side with the emulator; the adapter is made as the launcher makes it. */
  private static final class TelegramDriver implements ChannelDriver {
    private static final UserSpec ALICE = UserSpec.of(42, "Alice", "Smith", "alice");
    private static final UserSpec BOB = UserSpec.of(43, "Bob", "Brown", "bob");
    private static final GroupSpec GROUP = GroupSpec.of(-4_001, "Support group");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final World world =
        new World(TelegramEmulatorConfig.defaults().withRateLimits(RateLimits.off()));
    private final Telegram telegram =
        world.telegram(world.config(TelegramConfig.ReceiveMode.WEBHOOK));
    private final Set<BotToken> talkedTo = new HashSet<>();
    private final Map<BotToken, GroupScenario> groups = new HashMap<>();

    @Override
    public MessengerChannel channel() {
      return telegram.messengerChannel();
    }

    @Override
    public ChannelUpdateDecoder decoder() {
      return telegram.updateDecoder();
    }

    @Override
    public TestBot newBot() {
      BotInfo bot = world.newBot();
      return new TestBot(BotToken.of(bot.token()), bot.username(), bot.firstName());
    }

    @Override
    public BotToken unknownToken() {
      return BotToken.of("987654321:" + "Z".repeat(35));
    }

    @Override
    public void revoke(BotToken token) {
      world.emulator.revokeToken(token.reveal());
    }

    @Override
    public ChatId userChat(BotToken bot) {
      if (talkedTo.add(bot)) {
        world.emulator.bot(bot.reveal()).user(ALICE).sendsText("/start");
      }
      return new ChatId(Long.toString(ALICE.id()));
    }

    @Override
    public String userDisplayName() {
      return "Alice Smith";
    }

    @Override
    public String userSendsText(BotToken bot, String text) {
      talkedTo.add(bot);
      return world.emulator.bot(bot.reveal()).user(ALICE).sendsText(text).json();
    }

    @Override
    public String userSendsFile(BotToken bot, String fileName, long sizeBytes) {
      talkedTo.add(bot);
      return world
          .emulator
          .bot(bot.reveal())
          .user(ALICE)
          .sendsDocument(fileName, "application/pdf", sizeBytes)
          .json();
    }

    @Override
    public String userSendsImage(BotToken bot, long sizeBytes) {
      talkedTo.add(bot);
      return world.emulator.bot(bot.reveal()).user(ALICE).sendsPhoto(null, sizeBytes).json();
    }

    private GroupScenario group(BotToken bot) {
      return groups.computeIfAbsent(
          bot,
          token -> {
            GroupScenario group = world.emulator.bot(token.reveal()).group(GROUP);
            group.addsBotAsMember(ALICE);
            return group;
          });
    }

    @Override
    public ChatId groupChat(BotToken bot) {
      return new ChatId(Long.toString(group(bot).chatId()));
    }

    @Override
    public String groupTitle() {
      return GROUP.title();
    }

    @Override
    public String groupMemberDisplayName() {
      return "Bob Brown";
    }

    @Override
    public String memberSendsTextInGroup(BotToken bot, String text) {
      return group(bot).member(BOB).sendsText(text).json();
    }

    @Override
    public String userBlocksBot(BotToken bot) {
      talkedTo.add(bot);
      return world.emulator.bot(bot.reveal()).user(ALICE).blocksBot().json();
    }

    @Override
    public String botRemovedFromGroup(BotToken bot) {
      return group(bot).removesBot(ALICE).json();
    }

    @Override
    public List<Delivered> awaitSent(BotToken bot, ChatId chat, int count, Duration timeout) {
      return world
          .emulator
          .awaitSent(bot.reveal(), Long.parseLong(chat.value()), count, timeout)
          .stream()
          .map(TelegramDriver::delivered)
          .toList();
    }

    private static Delivered delivered(SentMessage sent) {
      List<String> buttons = new ArrayList<>();
      if (sent.replyMarkup() != null) {
        try {
          JsonNode markup = JSON.readTree(sent.replyMarkup());
          for (String kind : List.of("keyboard", "inline_keyboard")) {
            markup
                .path(kind)
                .forEach(row -> row.forEach(button -> buttons.add(button.path("text").asText())));
          }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new UncheckedIOException(e);
        }
      }
      return new Delivered(sent.text() == null ? "" : sent.text(), buttons);
    }

    @Override
    public int maxTextLength() {
      return 4096;
    }

    @Override
    public void close() {
      world.close();
    }
  }
}
