package io.omnichannel.testkit.oneconnect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hooks by key: one bot hook per line, one line hook per (account, line or all lines). */
final class HookRegistry {
  private final Map<String, HookRegistration> hooks = new LinkedHashMap<>();

  synchronized void put(HookRegistration hook) {
    hooks.put(key(hook), hook);
  }

  synchronized boolean removeBotHook(String lineId) {
    return hooks.remove("bot|" + lineId) != null;
  }

  /** The account's line hook of one line ({@code lineId}), or of all its lines (null). */
  synchronized boolean removeLineHook(String accountLogin, String lineId) {
    return hooks.remove("line|" + accountLogin + "|" + lineId) != null;
  }

  /** {@code DELETE /v1/hook/}: every hook the account set. */
  synchronized int removeAll(String accountLogin) {
    int before = hooks.size();
    hooks.values().removeIf(hook -> hook.accountLogin().equals(accountLogin));
    return before - hooks.size();
  }

  synchronized Optional<HookRegistration> lineHook(String accountLogin, String lineId) {
    return Optional.ofNullable(hooks.get("line|" + accountLogin + "|" + lineId));
  }

  synchronized Optional<HookRegistration> botHook(String lineId) {
    return Optional.ofNullable(hooks.get("bot|" + lineId));
  }

  synchronized List<HookRegistration> all() {
    return List.copyOf(hooks.values());
  }

  /**
   * Hooks that receive events of {@code line}; a line hook without a line id needs its account's
   * access.
   */
  synchronized List<HookRegistration> matching(
      String lineId, boolean lineHooksOnly, Directory directory) {
    List<HookRegistration> result = new ArrayList<>();
    for (HookRegistration hook : hooks.values()) {
      if (lineHooksOnly && hook.type() == HookRegistration.Type.BOT) {
        continue;
      }
      boolean matches =
          hook.lineId() == null
              ? directory.account(hook.accountLogin()).map(a -> a.canActOn(lineId)).orElse(false)
              : hook.lineId().equals(lineId);
      if (matches) {
        result.add(hook);
      }
    }
    return result;
  }

  private static String key(HookRegistration hook) {
    return hook.type() == HookRegistration.Type.BOT
        ? "bot|" + hook.lineId()
        : "line|" + hook.accountLogin() + "|" + hook.lineId();
  }
}
