package io.omnichannel.oneconnect;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code message_type} codes of a line event (oneconnect-api.md §5, the public wiki's list), by
 * the name the adapter logs and stores them under. Only 1, 2 and 70 carry something to relay; the
 * rest are known and ignored; a code not listed here is unknown (counted, ignored).
 */
final class MessageTypes {
  static final int TEXT = 1;
  static final int BROADCAST = 2;
  static final int FILE = 70;

  private static final Map<Integer, String> KNOWN = known();

  private MessageTypes() {}

  /** The name of a listed code, e.g. {@code treatment-closed-inactive} for 90. */
  static Optional<String> name(int code) {
    return Optional.ofNullable(KNOWN.get(code));
  }

  private static Map<Integer, String> known() {
    Map<Integer, String> names = new HashMap<>();
    names.put(TEXT, "text");
    names.put(BROADCAST, "broadcast");
    names.put(3, "report");
    names.put(4, "bot");
    names.put(16, "record");
    names.put(17, "quality-rating");
    range(names, 20, 38, "call");
    range(names, 40, 44, "conference-call");
    range(names, 50, 62, "remote-desktop");
    names.put(20, "call-started-with-treatment");
    names.put(21, "call-started-without-treatment");
    names.put(38, "line-closed-for-calls");
    names.put(FILE, "file");
    names.put(80, "treatment-started-by-user");
    names.put(81, "treatment-started-by-specialist");
    names.put(82, "treatment-closed");
    names.put(83, "treatment-queued");
    names.put(84, "rerouted-to-specialist");
    names.put(85, "rerouted-to-vendor");
    names.put(86, "specialist-free");
    names.put(87, "line-unavailable");
    names.put(88, "reroute-unavailable");
    names.put(89, "rerouted-to-line");
    names.put(90, "treatment-closed-inactive");
    names.put(91, "treatment-closed-line-removed");
    names.put(92, "treatment-closed-subscription-removed");
    names.put(93, "treatment-closed-user-removed");
    range(names, 100, 104, "business-contact");
    range(names, 110, 119, "conference");
    names.put(121, "service-request-created");
    names.put(122, "service-request-changed");
    names.put(123, "service-request-done");
    names.put(124, "service-request-cancelled");
    names.put(200, "handed-to-bot");
    return Map.copyOf(names);
  }

  /** Codes of a family the wiki lists as a range (calls, sessions, conferences). */
  private static void range(Map<Integer, String> names, int first, int last, String family) {
    for (int code = first; code <= last; code++) {
      names.put(code, family + "-" + code);
    }
  }
}
