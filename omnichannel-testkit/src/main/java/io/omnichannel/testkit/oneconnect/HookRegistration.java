package io.omnichannel.testkit.oneconnect;

import java.time.Instant;
import java.util.Objects;

/**
 * A hook set through {@code POST /v1/hook/}. A {@code BOT} hook belongs to one line (one per line);
 * a {@code LINE} hook with a null {@code lineId} covers every line its account may act on. {@code
 * botScenarioPointJson} is the raw {@code bot_scenario_point} tree, or null.
 */
public record HookRegistration(
    String id,
    String accountLogin,
    Type type,
    String lineId,
    String url,
    BackAuth backAuth,
    String botScenarioPointJson,
    Instant setAt) {

  public enum Type {
    BOT,
    LINE
  }

  public HookRegistration {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(accountLogin, "accountLogin");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(setAt, "setAt");
  }
}
