package io.omnichannel.testkit.max;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A message in a chat (the bot's or a user's), with its current text after edits. */
final class StoredMessage {
  final String mid;
  final long seq;
  final long chatId;
  final String chatType;
  final ObjectNode sender;
  final Long recipientUserId;
  final long timestamp;
  final boolean fromBot;
  String text;
  ArrayNode attachments;
  ObjectNode link;
  boolean deleted;
  int edits;

  /** The bot's messages only: what the inspection API shows. */
  MaxSentMessage view;

  StoredMessage(
      String mid,
      long seq,
      long chatId,
      String chatType,
      ObjectNode sender,
      Long recipientUserId,
      long timestamp,
      boolean fromBot,
      String text,
      ArrayNode attachments) {
    this.mid = mid;
    this.seq = seq;
    this.chatId = chatId;
    this.chatType = chatType;
    this.sender = sender;
    this.recipientUserId = recipientUserId;
    this.timestamp = timestamp;
    this.fromBot = fromBot;
    this.text = text;
    this.attachments = attachments;
  }

  /** The wire {@code Message}. */
  ObjectNode json() {
    ObjectNode message = Json.object();
    message.set("sender", sender.deepCopy());
    ObjectNode recipient = message.putObject("recipient");
    recipient.put("chat_id", chatId);
    recipient.put("chat_type", chatType);
    if (recipientUserId != null) {
      recipient.put("user_id", recipientUserId);
    } else {
      recipient.putNull("user_id");
    }
    message.put("timestamp", timestamp);
    if (link != null) {
      message.set("link", link.deepCopy());
    }
    ObjectNode body = message.putObject("body");
    body.put("mid", mid);
    body.put("seq", seq);
    if (text != null) {
      body.put("text", text);
    } else {
      body.putNull("text");
    }
    body.set("attachments", attachments == null ? Json.array() : attachments.deepCopy());
    return message;
  }

  static String textOrNull(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
  }
}
