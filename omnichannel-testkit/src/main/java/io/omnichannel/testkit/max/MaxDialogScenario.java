package io.omnichannel.testkit.max;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A user's dialog with the bot: start, write, stop. */
public final class MaxDialogScenario extends MaxAuthor {
  MaxDialogScenario(MaxBotScenario scenario, Chat chat, MaxUser user) {
    super(scenario, chat, user);
  }

  /** {@code bot_started} (the user pressed Start or resumed after stopping the bot). */
  public MaxInjected startsBot() {
    return startsBot(null);
  }

  /** {@code bot_started} with a deep-link payload (dropped when longer than 512, as on MAX). */
  public MaxInjected startsBot(String payload) {
    long now = System.currentTimeMillis();
    ObjectNode update = MaxBotScenario.update("bot_started", now);
    synchronized (scenario.bot) {
      chat.botStopped = false;
      chat.lastEventTime = now;
    }
    update.put("chat_id", chat.chatId);
    update.set("user", user.json(now));
    if (payload != null && payload.length() <= 512) {
      update.put("payload", payload);
    }
    update.put("user_locale", "ru");
    return scenario.queue(update, chat.chatId, true);
  }

  /**
   * {@code bot_stopped}: the user stopped or blocked the bot; sends to this dialog then fail with
   * 403 {@code chat.denied} ({@code error.dialog.suspended}) until {@link #startsBot()}.
   */
  public MaxInjected stopsBot() {
    long now = System.currentTimeMillis();
    ObjectNode update = MaxBotScenario.update("bot_stopped", now);
    synchronized (scenario.bot) {
      chat.botStopped = true;
      chat.lastEventTime = now;
    }
    update.put("chat_id", chat.chatId);
    update.set("user", user.json(now));
    update.put("user_locale", "ru");
    return scenario.queue(update, chat.chatId, true);
  }

  @Override
  void beforeSending() {
    if (chat.botStopped) {
      throw new IllegalStateException("the user stopped the bot; startsBot() first");
    }
  }
}
