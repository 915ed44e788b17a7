package io.omnichannel.testkit.oneconnect;

import java.time.Instant;

/**
 * A treatment (обращение): one support conversation of a user on a line; {@code currentSpecialist}
 * may be null.
 */
public record Treatment(
    String id, String lineId, String userId, Instant initializedAt, String currentSpecialist) {

  Treatment withSpecialist(String specialistId) {
    return new Treatment(id, lineId, userId, initializedAt, specialistId);
  }
}
