package io.omnichannel.telegram;

import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.failure.ChannelUnavailable;
import io.omnichannel.core.domain.failure.RateLimited;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * B2 for one bot: every send waits for a slot in the bot's window and in its chat's window, then
 * runs on the caller's thread. A slot counts from the moment its call returned (while it is in
 * flight it blocks the window), so the pacing holds whatever the network's delay. A 429 pauses the
 * whole bot for {@code retry_after}; a fair lock per chat keeps the order in which callers arrived.
 */
final class Pacer {
  private final TelegramConfig.Pacing pacing;
  private final LongSupplier nanoTime;
  private final Object monitor = new Object();
  private final Window bot;
  private final Map<String, Lane> lanes = new HashMap<>();
  private long pausedUntil;
  private boolean paused;
  private boolean closed;

  Pacer(TelegramConfig.Pacing pacing, LongSupplier nanoTime) {
    this.pacing = pacing;
    this.nanoTime = nanoTime;
    this.bot = new Window(pacing.botMessages(), pacing.botWindow().toNanos());
  }

  /** Telegram's groups and supergroups have negative ids; private chats positive ones. */
  static boolean isGroup(ChatId chat) {
    return chat.value().startsWith("-");
  }

  <T> T send(ChatId chat, Supplier<T> call) {
    Lane lane;
    synchronized (monitor) {
      lane =
          lanes.computeIfAbsent(
              chat.value(),
              key ->
                  new Lane(
                      isGroup(chat)
                          ? new Window(pacing.groupMessages(), pacing.groupWindow().toNanos())
                          : new Window(
                              pacing.privateBurst(),
                              pacing.privateInterval().toNanos() * pacing.privateBurst())));
      lane.users++;
    }
    lane.order.lock();
    try {
      Slot[] slots = acquire(lane.window);
      try {
        return call.get();
      } catch (RateLimited limited) {
        synchronized (monitor) {
          long until = nanoTime.getAsLong() + limited.retryAfter().toNanos();
          pausedUntil = paused ? Math.max(pausedUntil, until) : until;
          paused = true;
        }
        throw limited;
      } finally {
        synchronized (monitor) {
          long now = nanoTime.getAsLong();
          for (Slot slot : slots) {
            slot.doneAt = now;
            slot.done = true;
          }
          monitor.notifyAll();
        }
      }
    } finally {
      lane.order.unlock();
      synchronized (monitor) {
        lane.users--;
        if (lane.users == 0 && lanes.size() > 1_000) {
          lanes
              .values()
              .removeIf(idle -> idle.users == 0 && idle.window.isIdle(nanoTime.getAsLong()));
        }
      }
    }
  }

  private Slot[] acquire(Window chat) {
    synchronized (monitor) {
      while (true) {
        if (closed) {
          throw new ChannelUnavailable("the Telegram adapter is closing");
        }
        long now = nanoTime.getAsLong();
        long wait = Math.max(bot.waitNanos(now), chat.waitNanos(now));
        if (paused) {
          wait = Math.max(wait, pausedUntil - now);
        }
        if (wait <= 0) {
          return new Slot[] {bot.take(), chat.take()};
        }
        try {
          if (wait == Long.MAX_VALUE) {
            monitor.wait();
          } else {
            TimeUnit.NANOSECONDS.timedWait(monitor, wait);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ChannelUnavailable("interrupted while waiting for a sending slot");
        }
      }
    }
  }

  /**
   * Releases every caller still waiting for a slot with {@link ChannelUnavailable} (retried later
   * by the core).
   */
  void close() {
    synchronized (monitor) {
      closed = true;
      monitor.notifyAll();
    }
  }

  private static final class Lane {
    final ReentrantLock order = new ReentrantLock(true);
    final Window window;
    int users;

    Lane(Window window) {
      this.window = window;
    }
  }

  private static final class Slot {
    boolean done;
    long doneAt;
  }

  /** At most {@code max} sends in any {@code windowNanos}, counted from when each send returned. */
  private static final class Window {
    private final int max;
    private final long windowNanos;
    private final List<Slot> slots = new ArrayList<>();

    Window(int max, long windowNanos) {
      this.max = max;
      this.windowNanos = windowNanos;
    }

    long waitNanos(long now) {
      slots.removeIf(slot -> slot.done && now - slot.doneAt >= windowNanos);
      if (slots.size() < max) {
        return 0;
      }
      long earliest = Long.MAX_VALUE;
      for (Slot slot : slots) {
        if (slot.done) {
          earliest = Math.min(earliest, slot.doneAt + windowNanos - now);
        }
      }
      return earliest;
    }

    Slot take() {
      Slot slot = new Slot();
      slots.add(slot);
      return slot;
    }

    boolean isIdle(long now) {
      return waitNanos(now) == 0 && slots.isEmpty();
    }
  }
}
