package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;

/** The allowed_updates filter: an empty or missing list means every kind except the opt-in ones. */
final class AllowedUpdates {
  private static final Set<String> OPT_IN =
      Set.of("chat_member", "message_reaction", "message_reaction_count");

  private AllowedUpdates() {}

  static boolean allows(Set<String> allowed, String kind) {
    return allowed == null || allowed.isEmpty() ? !OPT_IN.contains(kind) : allowed.contains(kind);
  }

  /** Parses the parameter; null when absent (keep the previous setting). */
  static Set<String> parse(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (!node.isArray()) {
      throw ApiError.badRequest("can't parse allowed updates");
    }
    Set<String> kinds = new LinkedHashSet<>();
    node.forEach(kind -> kinds.add(kind.asText()));
    return kinds;
  }
}
