package io.omnichannel.testkit.oneconnect;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Open treatments, at most one per (line, user); closing one forgets it. */
final class TreatmentRegistry {
  private final Map<ChatKey, Treatment> open = new LinkedHashMap<>();

  synchronized Treatment start(String lineId, String userId, Instant now) {
    return open.computeIfAbsent(
        new ChatKey(lineId, userId),
        key -> new Treatment(UUID.randomUUID().toString(), lineId, userId, now, null));
  }

  synchronized Treatment appoint(String lineId, String userId, String specialistId, Instant now) {
    Treatment treatment = start(lineId, userId, now).withSpecialist(specialistId);
    open.put(new ChatKey(lineId, userId), treatment);
    return treatment;
  }

  synchronized Optional<Treatment> close(String lineId, String userId) {
    return Optional.ofNullable(open.remove(new ChatKey(lineId, userId)));
  }

  synchronized List<Treatment> open() {
    return List.copyOf(open.values());
  }
}
