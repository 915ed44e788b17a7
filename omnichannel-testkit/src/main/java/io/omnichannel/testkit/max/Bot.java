package io.omnichannel.testkit.max;

import io.omnichannel.testkit.support.CountedLog;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One bot's world: its chats, messages, callbacks, updates and limits. Chats, messages and
 * callbacks are guarded by this object's monitor.
 */
final class Bot {
  private static final int MESSAGES_KEPT = 20_000;
  private static final AtomicLong DIALOG_IDS = new AtomicLong(80_000_000_000L);

  final MaxBotInfo info;
  final MaxEmulatorConfig config;
  final UpdateLog updates;
  final WebhookDispatcher webhook;
  final RateGate rate;
  final CountedLog<MaxCallbackAnswer> answers = new CountedLog<>(1_000);
  final Map<Long, Chat> chats = new HashMap<>();
  final Map<Long, Chat> dialogsByUser = new HashMap<>();
  final Map<String, Callback> callbacks = new HashMap<>();
  final Map<String, StoredMessage> messages =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StoredMessage> eldest) {
          return size() > MESSAGES_KEPT;
        }
      };
  volatile boolean deleted;

  record Callback(String callbackId, String mid, long chatId, MaxUser user, boolean answered) {}

  Bot(
      MaxBotInfo info,
      MaxEmulatorConfig config,
      HttpClient http,
      ScheduledExecutorService scheduler) {
    this.info = info;
    this.config = config;
    this.updates = new UpdateLog(config.pendingUpdatesPerBot(), scheduler);
    this.webhook = new WebhookDispatcher(updates, http, scheduler, config.webhookRetry(), 1_000);
    this.rate = new RateGate(config.rateLimits(), config.ticker());
  }

  /** The dialog with this user, created on first contact. */
  synchronized Chat dialogWith(MaxUser user) {
    Chat dialog = dialogsByUser.get(user.userId());
    if (dialog == null) {
      dialog = Chat.dialog(DIALOG_IDS.incrementAndGet(), user, config.historyPerChat());
      dialogsByUser.put(user.userId(), dialog);
      chats.put(dialog.chatId, dialog);
    }
    return dialog;
  }

  synchronized Chat group(long chatId, String title) {
    if (chatId >= 0) {
      throw new IllegalArgumentException("group chat ids are negative in MAX, was " + chatId);
    }
    Chat group = chats.get(chatId);
    if (group == null) {
      group = Chat.group(chatId, title, config.historyPerChat());
      chats.put(chatId, group);
    }
    return group;
  }

  synchronized Chat chat(long chatId) {
    return chats.get(chatId);
  }

  synchronized StoredMessage message(String mid) {
    return messages.get(mid);
  }

  synchronized void remember(StoredMessage message) {
    messages.put(message.mid, message);
  }
}
