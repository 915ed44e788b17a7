package io.omnichannel.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnichannel.core.domain.Attachment;
import io.omnichannel.core.domain.BotAccess;
import io.omnichannel.core.domain.BotId;
import io.omnichannel.core.domain.BotProfile;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChannelDescription;
import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.ChannelLimits;
import io.omnichannel.core.domain.ChannelPost;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ChatKind;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.MessageContext;
import io.omnichannel.core.domain.RemoteFile;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.Sender;
import io.omnichannel.core.domain.TokenFormat;
import io.omnichannel.core.domain.TopicId;
import io.omnichannel.core.domain.failure.InvalidBotToken;
import io.omnichannel.core.port.out.ChannelHealth;
import io.omnichannel.core.port.out.ChannelUpdateDecoder;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.core.port.out.SendOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * "Pigeon", a messenger made up for the kit's own tests: the messenger in memory and its adapter,
 * written against the core's ports only. Without flaws it passes the kit (a channel other than
 * Telegram, no core change); each {@link Flaw} breaks one promise, and the kit must notice.
 */
final class PigeonDriver implements ChannelDriver {
  static final int MAX_TEXT = 500;
  private static final ChatId CAROL = new ChatId("pigeon-user-7");
  private static final String GROUP_TITLE = "Pigeon lovers";
  private static final long THUMBNAIL_BYTES = 1_234;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One broken promise of an adapter, and the contract test of the kit that must fail because of
   * it.
   */
  enum Flaw {
    KIND_NOT_STABLE(MessengerChannelConformance::kindIsAStableNonBlankName),
    OWN_TOKENS_UNRECOGNISED(
        MessengerChannelConformance::theDescriptionRecognisesTheMessengersOwnTokens),
    PROFILE_NAME_IS_USERNAME(
        MessengerChannelConformance::identifyingAValidTokenAnswersTheBotsIdUsernameAndName),
    UNKNOWN_TOKEN_ACCEPTED(
        MessengerChannelConformance::identifyingAnUnknownTokenFailsWithInvalidBotToken),
    REVOCATION_IGNORED_BY_IDENTIFY(
        MessengerChannelConformance::identifyingARevokedTokenFailsWithInvalidBotToken),
    PRIVATE_CHAT_DECODED_AS_GROUP(
        MessengerChannelConformance
            ::aUsersTextDecodesToAPrivateMessageWithTheTextAndTheSendersName),
    SENDER_IS_USERNAME(
        MessengerChannelConformance
            ::aUsersTextDecodesToAPrivateMessageWithTheTextAndTheSendersName),
    TEXT_TRIMMED_ON_DECODE(
        MessengerChannelConformance
            ::aUsersTextDecodesToAPrivateMessageWithTheTextAndTheSendersName),
    MALFORMED_PAYLOAD_IGNORED(
        MessengerChannelConformance::aPayloadTheDecoderCannotReadIsAnIllegalArgument),
    SIGNATURE_APPENDED(MessengerChannelConformance::aSentTextArrivesInTheChat),
    SENT_REPORTED_AS_BLOCKED(MessengerChannelConformance::aSentTextArrivesInTheChat),
    PARTS_OVER_THE_LIMIT(
        MessengerChannelConformance::aTextOverTheChannelsLimitIsSplitWithoutLosingCharacters),
    CHARACTER_LOST_AT_EACH_CUT(
        MessengerChannelConformance::aTextOverTheChannelsLimitIsSplitWithoutLosingCharacters),
    MENU_DROPPED(MessengerChannelConformance::aMenuArrivesAsButtons),
    SIZE_UNKNOWN_UNTIL_READ(
        MessengerChannelConformance::fetchFileReportsTheRealSizeBeforeAnyByteIsRead),
    PROBE_BLIND_TO_REVOCATION(
        MessengerChannelConformance::probeIsHealthyForAGoodTokenAndTokenRevokedAfterRevocation),
    GROUP_SENDER_IS_THE_GROUP(
        MessengerChannelConformance::aGroupMessageDecodesToAGroupMessageWithTheMembersName),
    GROUP_MESSAGE_DECODED_AS_PRIVATE(
        MessengerChannelConformance::aGroupMessageDecodesToAGroupMessageWithTheMembersName),
    DECODING_COUNTS_DELIVERIES(
        MessengerChannelConformance::theSameUpdateDecodedTwiceIsTheSameEvent),
    FILE_NAME_LOST(MessengerChannelConformance::aUsersFileDecodesToADocumentWithItsNameAndSize),
    FILE_SIZE_IN_KILOBYTES(
        MessengerChannelConformance::aUsersFileDecodesToADocumentWithItsNameAndSize),
    IMAGE_DECODED_AS_DOCUMENT(
        MessengerChannelConformance::aUsersImageDecodesToAnImageWhoseRealSizeIsKnownBeforeAnyByte),
    IMAGE_SIZE_IS_THE_THUMBNAILS(
        MessengerChannelConformance::aUsersImageDecodesToAnImageWhoseRealSizeIsKnownBeforeAnyByte),
    BLOCKING_IGNORED(
        MessengerChannelConformance
            ::theUserBlockingTheBotDecodesToBlockedAndASendToThemIsRecipientBlocked),
    SEND_TO_BLOCKED_USER_REPORTED_SENT(
        MessengerChannelConformance
            ::theUserBlockingTheBotDecodesToBlockedAndASendToThemIsRecipientBlocked),
    GROUP_TITLE_LOST(MessengerChannelConformance::aGroupsTitleComesWithItsMessagesOrFromTheChannel),
    REMOVAL_FROM_GROUP_DECODED_AS_BLOCKED(
        MessengerChannelConformance::theBotRemovedFromAGroupDecodesToLeavingThatGroup),
    SEND_TO_LEFT_GROUP_REPORTED_SENT(
        MessengerChannelConformance::theBotRemovedFromAGroupDecodesToLeavingThatGroup);

    final Contract contract;

    Flaw(Contract contract) {
      this.contract = contract;
    }
  }

  /** One contract test of the kit, run on a started kit. */
  @FunctionalInterface
  interface Contract {
    void run(MessengerChannelConformance kit) throws Exception;
  }

  private record PigeonBot(BotId id, String username, String name) {}

  private final Set<Flaw> flaws;
  private final AtomicInteger ids = new AtomicInteger(1000);
  private final Map<BotToken, PigeonBot> bots = new HashMap<>();
  private final Set<BotToken> revoked = new HashSet<>();
  private final Set<BotToken> talkedTo = new HashSet<>();
  private final Map<String, List<Delivered>> sent = new HashMap<>();
  private final Map<String, Long> files = new HashMap<>();
  private final Set<BotToken> blockedBy = new HashSet<>();
  private final Set<ChatId> leftGroups = new HashSet<>();
  private final AtomicInteger decoded = new AtomicInteger();
  private final PigeonChannel channel = new PigeonChannel();

  PigeonDriver(Set<Flaw> flaws) {
    this.flaws = Set.copyOf(flaws);
  }

  @Override
  public MessengerChannel channel() {
    return channel;
  }

  @Override
  public ChannelUpdateDecoder decoder() {
    return channel::decode;
  }

  @Override
  public synchronized TestBot newBot() {
    int id = ids.incrementAndGet();
    BotToken token = BotToken.of(id + ":" + "p".repeat(30) + (10_000 + id));
    bots.put(
        token,
        new PigeonBot(
            new BotId(Integer.toString(id)), "pigeon" + id + "_bot", "Pigeon Support " + id));
    return new TestBot(token, "pigeon" + id + "_bot", "Pigeon Support " + id);
  }

  @Override
  public BotToken unknownToken() {
    return BotToken.of("99:" + "u".repeat(35));
  }

  @Override
  public synchronized void revoke(BotToken token) {
    revoked.add(token);
  }

  @Override
  public synchronized ChatId userChat(BotToken bot) {
    talkedTo.add(bot);
    return CAROL;
  }

  @Override
  public String userDisplayName() {
    return "Carol Jones";
  }

  @Override
  public synchronized String userSendsText(BotToken bot, String text) {
    talkedTo.add(bot);
    return payload().put("text", text).toString();
  }

  @Override
  public synchronized String userSendsFile(BotToken bot, String fileName, long sizeBytes) {
    talkedTo.add(bot);
    String ref = "file-" + ids.incrementAndGet();
    files.put(ref, sizeBytes);
    ObjectNode payload = payload();
    payload.putObject("file").put("ref", ref).put("name", fileName).put("size", sizeBytes);
    return payload.toString();
  }

  @Override
  public synchronized String userSendsImage(BotToken bot, long sizeBytes) {
    talkedTo.add(bot);
    String ref = "photo-" + ids.incrementAndGet();
    files.put(ref, sizeBytes);
    files.put(ref + "-thumb", THUMBNAIL_BYTES);
    ObjectNode payload = payload();
    payload.putObject("photo").put("ref", ref).put("size", sizeBytes);
    return payload.toString();
  }

  @Override
  public ChatId groupChat(BotToken bot) {
    return new ChatId("pigeon-group-" + bot.reveal().substring(0, bot.reveal().indexOf(':')));
  }

  @Override
  public String groupTitle() {
    return GROUP_TITLE;
  }

  @Override
  public String groupMemberDisplayName() {
    return "Dave Miller";
  }

  @Override
  public String memberSendsTextInGroup(BotToken bot, String text) {
    return JSON.createObjectNode()
        .put("chat", groupChat(bot).value())
        .put("group", GROUP_TITLE)
        .put("first", "Dave")
        .put("last", "Miller")
        .put("username", "dave")
        .put("text", text)
        .toString();
  }

  @Override
  public synchronized String userBlocksBot(BotToken bot) {
    blockedBy.add(bot);
    return JSON.createObjectNode().put("chat", CAROL.value()).put("event", "blocked").toString();
  }

  @Override
  public synchronized String botRemovedFromGroup(BotToken bot) {
    leftGroups.add(groupChat(bot));
    return JSON.createObjectNode()
        .put("chat", groupChat(bot).value())
        .put("group", GROUP_TITLE)
        .put("event", "removed")
        .toString();
  }

  private static ObjectNode payload() {
    return JSON.createObjectNode()
        .put("chat", CAROL.value())
        .put("first", "Carol")
        .put("last", "Jones")
        .put("username", "carol");
  }

  @Override
  public synchronized List<Delivered> awaitSent(
      BotToken bot, ChatId chat, int count, Duration timeout) {
    List<Delivered> messages = sent.getOrDefault(bot.reveal() + "/" + chat.value(), List.of());
    if (messages.size() < count) {
      throw new AssertionError("expected " + count + " messages in " + chat + ", got " + messages);
    }
    return List.copyOf(messages.subList(0, count));
  }

  @Override
  public int maxTextLength() {
    return MAX_TEXT;
  }

  @Override
  public void close() {}

  /** The adapter: what a new messenger's module would contain, speaking to "Pigeon" in memory. */
  private final class PigeonChannel implements MessengerChannel {
    private final AtomicInteger kinds = new AtomicInteger();

    @Override
    public ChannelDescription describe() {
      ChannelKind kind =
          flaws.contains(Flaw.KIND_NOT_STABLE)
              ? new ChannelKind("Pigeon " + kinds.incrementAndGet())
              : new ChannelKind("Pigeon");
      TokenFormat tokens =
          flaws.contains(Flaw.OWN_TOKENS_UNRECOGNISED)
              ? new TokenFormat(Pattern.compile("[0-9]+"), Optional.empty())
              : new TokenFormat(
                  Pattern.compile("(?<bot>[0-9]{1,9}):[a-z0-9]{35}"),
                  Optional.of("число, двоеточие и 35 знаков"));
      return new ChannelDescription(
          kind,
          tokens,
          "Получить его можно у голубятника.",
          new ChannelDescription.Abilities(true, false, MAX_TEXT, false),
          new ChannelLimits(
              ChannelLimits.MEBIBYTE,
              ChannelLimits.MEBIBYTE,
              ChannelLimits.MEBIBYTE,
              ChannelLimits.MEBIBYTE),
          new ChannelDescription.Pacing(10, Duration.ofSeconds(1), 10));
    }

    @Override
    public BotProfile identify(BotToken token) {
      synchronized (PigeonDriver.this) {
        PigeonBot bot = bots.get(token);
        if (bot == null && flaws.contains(Flaw.UNKNOWN_TOKEN_ACCEPTED)) {
          return new BotProfile(
              new BotId(token.reveal().substring(0, token.reveal().indexOf(':'))),
              "someone_bot",
              "Someone");
        }
        boolean rejected =
            bot == null
                || (revoked.contains(token)
                    && !flaws.contains(Flaw.REVOCATION_IGNORED_BY_IDENTIFY));
        if (rejected) {
          throw new InvalidBotToken("Pigeon: unauthorized");
        }
        String name = flaws.contains(Flaw.PROFILE_NAME_IS_USERNAME) ? bot.username() : bot.name();
        return new BotProfile(bot.id(), bot.username(), name);
      }
    }

    @Override
    public void startReceiving(ConnectionId connection, BotAccess bot, Secret webhookSecret) {}

    @Override
    public void stopReceiving(ConnectionId connection, BotAccess bot) {}

    @Override
    public SendOutcome send(BotAccess bot, ChatId chat, Optional<TopicId> topic, ChannelPost post) {
      if (topic.isPresent()) {
        throw new IllegalArgumentException("Pigeon chats have no topics");
      }
      synchronized (PigeonDriver.this) {
        if (leftGroups.contains(chat) && !flaws.contains(Flaw.SEND_TO_LEFT_GROUP_REPORTED_SENT)) {
          return new SendOutcome.RecipientBlocked();
        }
        if (!talkedTo.contains(bot.token()) && !leftGroups.contains(chat)) {
          return new SendOutcome.ChatNotFound();
        }
        if (blockedBy.contains(bot.token())
            && !flaws.contains(Flaw.SEND_TO_BLOCKED_USER_REPORTED_SENT)) {
          return new SendOutcome.RecipientBlocked();
        }
        List<Delivered> chatLog =
            sent.computeIfAbsent(
                bot.token().reveal() + "/" + chat.value(), key -> new ArrayList<>());
        String text =
            post instanceof ChannelPost.Text textPost
                ? textPost.text()
                : ((ChannelPost.File) post).caption().orElse("");
        if (flaws.contains(Flaw.SIGNATURE_APPENDED)) {
          text = text + " — sent via Pigeon";
        }
        List<String> buttons =
            post.keyboard() instanceof Keyboard.ShowMenu menu && !flaws.contains(Flaw.MENU_DROPPED)
                ? menu.menu().buttonTexts()
                : List.of();
        List<String> parts = split(text);
        for (int i = 0; i < parts.size(); i++) {
          chatLog.add(new Delivered(parts.get(i), i == parts.size() - 1 ? buttons : List.of()));
        }
      }
      return flaws.contains(Flaw.SENT_REPORTED_AS_BLOCKED)
          ? new SendOutcome.RecipientBlocked()
          : SendOutcome.SENT;
    }

    /** Cuts at the last blank within the limit, else at the limit (never between surrogates). */
    private List<String> split(String text) {
      int max = flaws.contains(Flaw.PARTS_OVER_THE_LIMIT) ? MAX_TEXT + 10 : MAX_TEXT;
      List<String> parts = new ArrayList<>();
      String rest = text;
      while (rest.length() > max) {
        int cut = rest.lastIndexOf(' ', max);
        int next = cut + 1;
        if (cut <= 0) {
          cut = Character.isLowSurrogate(rest.charAt(max)) ? max - 1 : max;
          next = cut;
        }
        if (flaws.contains(Flaw.CHARACTER_LOST_AT_EACH_CUT)) {
          cut--;
        }
        parts.add(rest.substring(0, cut));
        rest = rest.substring(next);
      }
      parts.add(rest);
      return parts;
    }

    @Override
    public RemoteFile fetchFile(BotAccess bot, FileRef file) {
      long size;
      synchronized (PigeonDriver.this) {
        Long known = files.get(file.value());
        if (known == null) {
          throw new IllegalArgumentException("Pigeon: no such file");
        }
        size = known;
      }
      long reported = flaws.contains(Flaw.SIZE_UNKNOWN_UNTIL_READ) ? 0 : size;
      return new RemoteFile(reported, () -> new Zeros(size));
    }

    @Override
    public Optional<String> groupTitle(BotAccess bot, ChatId chat) {
      return Optional.empty(); // its messages carry the group's title
    }

    @Override
    public ChannelHealth probe(BotAccess bot) {
      synchronized (PigeonDriver.this) {
        boolean isRevoked =
            revoked.contains(bot.token()) && !flaws.contains(Flaw.PROBE_BLIND_TO_REVOCATION);
        return isRevoked ? ChannelHealth.TOKEN_REVOKED : ChannelHealth.HEALTHY;
      }
    }

    ChannelEvent decode(String payload) {
      JsonNode update;
      try {
        update = JSON.readTree(payload);
      } catch (IOException e) {
        if (flaws.contains(Flaw.MALFORMED_PAYLOAD_IGNORED)) {
          return new ChannelEvent.Ignored("malformed");
        }
        throw new IllegalArgumentException("not a Pigeon update", e);
      }
      ChatId chat = new ChatId(update.path("chat").asText());
      boolean inGroup = update.has("group");
      Optional<String> title =
          inGroup && !flaws.contains(Flaw.GROUP_TITLE_LOST)
              ? Optional.of(update.path("group").asText())
              : Optional.empty();
      String event = update.path("event").asText("");
      if (event.equals("blocked")) {
        return flaws.contains(Flaw.BLOCKING_IGNORED)
            ? new ChannelEvent.Ignored("blocked")
            : new ChannelEvent.MembershipChanged(
                chat, ChatKind.PRIVATE, title, ChannelEvent.Membership.BLOCKED);
      }
      if (event.equals("removed")) {
        return new ChannelEvent.MembershipChanged(
            chat,
            ChatKind.GROUP,
            title,
            flaws.contains(Flaw.REMOVAL_FROM_GROUP_DECODED_AS_BLOCKED)
                ? ChannelEvent.Membership.BLOCKED
                : ChannelEvent.Membership.LEFT);
      }
      String name = update.path("first").asText() + " " + update.path("last").asText();
      if (inGroup && flaws.contains(Flaw.GROUP_SENDER_IS_THE_GROUP)) {
        name = title.orElseThrow();
      }
      String username = update.path("username").asText();
      if (flaws.contains(Flaw.DECODING_COUNTS_DELIVERIES)) {
        username = username + "#" + decoded.incrementAndGet();
      }
      Sender sender =
          new Sender(
              flaws.contains(Flaw.SENDER_IS_USERNAME) ? update.path("username").asText() : name,
              Optional.of(username));
      MessageContent content;
      if (update.has("file")) {
        JsonNode file = update.path("file");
        long size = file.path("size").asLong();
        content =
            new MessageContent.Document(
                new Attachment(
                    flaws.contains(Flaw.FILE_NAME_LOST) ? "file" : file.path("name").asText(),
                    "application/pdf",
                    OptionalLong.of(
                        flaws.contains(Flaw.FILE_SIZE_IN_KILOBYTES) ? size / 1024 : size),
                    new FileRef(file.path("ref").asText())),
                Optional.empty());
      } else if (update.has("photo")) {
        JsonNode photo = update.path("photo");
        boolean thumbnail = flaws.contains(Flaw.IMAGE_SIZE_IS_THE_THUMBNAILS);
        Attachment image =
            new Attachment(
                "photo.jpg",
                "image/jpeg",
                OptionalLong.empty(),
                new FileRef(photo.path("ref").asText() + (thumbnail ? "-thumb" : "")));
        content =
            flaws.contains(Flaw.IMAGE_DECODED_AS_DOCUMENT)
                ? new MessageContent.Document(image, Optional.empty())
                : new MessageContent.Image(image, Optional.empty());
      } else {
        String text = update.path("text").asText();
        content =
            new MessageContent.Text(
                flaws.contains(Flaw.TEXT_TRIMMED_ON_DECODE) ? text.substring(1) : text);
      }
      ChatKind kind;
      if (inGroup) {
        kind =
            flaws.contains(Flaw.GROUP_MESSAGE_DECODED_AS_PRIVATE)
                ? ChatKind.PRIVATE
                : ChatKind.GROUP;
      } else {
        kind =
            flaws.contains(Flaw.PRIVATE_CHAT_DECODED_AS_GROUP) ? ChatKind.GROUP : ChatKind.PRIVATE;
      }
      return new ChannelEvent.ChannelMessage(
          chat,
          kind,
          kind == ChatKind.GROUP ? title : Optional.empty(),
          sender,
          content,
          MessageContext.PLAIN);
    }
  }

  /** {@code size} zero bytes, made up as they are read. */
  private static final class Zeros extends InputStream {
    private long left;

    Zeros(long size) {
      this.left = size;
    }

    @Override
    public int read() {
      if (left <= 0) {
        return -1;
      }
      left--;
      return 0;
    }
  }
}
