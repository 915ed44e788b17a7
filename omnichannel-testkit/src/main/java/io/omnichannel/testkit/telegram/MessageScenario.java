package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One person writing in one chat the bot is in. Every step queues one update (a media group one per
 * item) and returns what was queued.
 */
public class MessageScenario {
  private static final AtomicLong MEDIA_GROUPS = new AtomicLong(13_000_000_000_000_000L);

  final UpdateInjector injector;
  final ChatState chat;
  final UserSpec author;

  MessageScenario(UpdateInjector injector, ChatState chat, UserSpec author) {
    this.injector = injector;
    this.chat = chat;
    this.author = Objects.requireNonNull(author, "author");
  }

  public long chatId() {
    return chat.id;
  }

  public InjectedUpdate sendsText(String text) {
    return message(
        m -> {
          m.put("text", text);
          TextEntities.put(m, "entities", text);
        });
  }

  /** A reply; replying to a message the bot sent embeds that message as the real service does. */
  public InjectedUpdate repliesTo(long messageId, String text) {
    ObjectNode original = injector.knownMessage(chat, messageId);
    return message(
        m -> {
          m.put("text", text);
          TextEntities.put(m, "entities", text);
          m.set("reply_to_message", original);
        });
  }

  /** The user presses an inline button with callback_data under the bot's message. */
  public InjectedUpdate pressesInlineButton(long messageId, String callbackData) {
    return injector.callbackQuery(
        chat, author, injector.knownMessage(chat, messageId), callbackData);
  }

  public InjectedUpdate editsMessage(long messageId, String newText) {
    return injector.edited(chat, author, messageId, newText);
  }

  /**
   * A photo in four sizes, the largest {@code largestSize} bytes (content generated on download).
   */
  public InjectedUpdate sendsPhoto(String caption, long largestSize) {
    return message(
        m -> {
          putPhoto(m, largestSize, null);
          putCaption(m, caption);
        });
  }

  public InjectedUpdate sendsPhoto(String caption) {
    return sendsPhoto(caption, 150_000);
  }

  /** A photo whose largest size has exactly these bytes. */
  public InjectedUpdate sendsPhoto(String caption, byte[] largest) {
    return message(
        m -> {
          putPhoto(m, largest.length, largest);
          putCaption(m, caption);
        });
  }

  public InjectedUpdate sendsDocument(String fileName, String mimeType, long size) {
    StoredFile file = injector.files.declare("documents", null, fileName, mimeType, size);
    return message(m -> putDocument(m, file));
  }

  public InjectedUpdate sendsDocument(String fileName, String mimeType, byte[] bytes) {
    StoredFile file =
        injector.files.store(
            "documents", null, fileName, mimeType, bytes.length, Sha256.hex(bytes), bytes);
    return message(m -> putDocument(m, file));
  }

  public InjectedUpdate sendsVoice(int durationSeconds, long size) {
    StoredFile file = injector.files.declare("voice", "oga", null, "audio/ogg", size);
    return message(
        m ->
            fileObject(m.putObject("voice"), file)
                .put("duration", durationSeconds)
                .put("mime_type", "audio/ogg"));
  }

  public InjectedUpdate sendsVideoNote(int durationSeconds, long size) {
    StoredFile file = injector.files.declare("video_notes", "mp4", null, "video/mp4", size);
    return message(
        m ->
            fileObject(m.putObject("video_note"), file)
                .put("length", 240)
                .put("duration", durationSeconds));
  }

  public InjectedUpdate sendsSticker(String emoji) {
    StoredFile file = injector.files.declare("stickers", "webp", null, "image/webp", 24_000);
    return message(
        m ->
            fileObject(m.putObject("sticker"), file)
                .put("type", "regular")
                .put("width", 512)
                .put("height", 512)
                .put("is_animated", false)
                .put("is_video", false)
                .put("emoji", emoji));
  }

  public InjectedUpdate sendsLocation(double latitude, double longitude) {
    return message(
        m -> m.putObject("location").put("latitude", latitude).put("longitude", longitude));
  }

  public InjectedUpdate sendsContact(String phoneNumber, String firstName) {
    return message(
        m -> m.putObject("contact").put("phone_number", phoneNumber).put("first_name", firstName));
  }

  /**
   * An album: {@code photoCount} photo messages sharing one media_group_id, the caption on the
   * first.
   */
  public List<InjectedUpdate> sendsMediaGroup(String caption, int photoCount) {
    return sendsMediaGroup(caption, 0, photoCount);
  }

  /**
   * An album whose caption is on its item {@code captioned} (from 0), as a client that lets each
   * item have its own caption sends it.
   */
  public List<InjectedUpdate> sendsMediaGroup(String caption, int captioned, int photoCount) {
    String mediaGroupId = Long.toString(MEDIA_GROUPS.incrementAndGet());
    List<InjectedUpdate> album = new ArrayList<>();
    for (int i = 0; i < photoCount; i++) {
      boolean withCaption = i == captioned;
      album.add(
          message(
              m -> {
                m.put("media_group_id", mediaGroupId);
                putPhoto(m, 120_000, null);
                if (withCaption) {
                  putCaption(m, caption);
                }
              }));
    }
    return album;
  }

  InjectedUpdate message(java.util.function.Consumer<ObjectNode> content) {
    return injector.message(chat, author, content);
  }

  private void putPhoto(ObjectNode message, long largestSize, byte[] largestBytes) {
    ArrayNode sizes = message.putArray("photo");
    int[][] dimensions = {{90, 67}, {320, 240}, {800, 600}, {1280, 960}};
    long[] fileSizes = {
      Math.max(1, largestSize / 60),
      Math.max(1, largestSize / 8),
      Math.max(1, largestSize / 2),
      largestSize
    };
    for (int i = 0; i < dimensions.length; i++) {
      boolean largest = i == dimensions.length - 1;
      StoredFile file =
          largest && largestBytes != null
              ? injector.files.store(
                  "photos",
                  "jpg",
                  null,
                  "image/jpeg",
                  largestSize,
                  Sha256.hex(largestBytes),
                  largestBytes)
              : injector.files.declare("photos", "jpg", null, "image/jpeg", fileSizes[i]);
      sizes.add(PhotoSizes.json(file, dimensions[i][0], dimensions[i][1]));
    }
  }

  private static void putCaption(ObjectNode message, String caption) {
    if (caption != null && !caption.isEmpty()) {
      message.put("caption", caption);
      TextEntities.put(message, "caption_entities", caption);
    }
  }

  private static void putDocument(ObjectNode message, StoredFile file) {
    ObjectNode document = message.putObject("document");
    if (file.fileName != null) {
      document.put("file_name", file.fileName);
    }
    document.put("mime_type", file.mimeType);
    fileObject(document, file);
  }

  private static ObjectNode fileObject(ObjectNode target, StoredFile file) {
    return target
        .put("file_id", file.fileId)
        .put("file_unique_id", file.fileUniqueId)
        .put("file_size", file.size);
  }
}
