package io.omnichannel.launcher.bench;

import io.omnichannel.launcher.bench.SendTrace.Grant;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What should never happen to a bot's lanes, told so it can be traced: a lane taken again before a
 * window's span passed since its send ended, and for each 429 the refused send with the bot's sends
 * before it (a window's count and two). Times in ms from the run's start.
 */
record LaneAnomalies(Instant started, Duration window, int perWindow) {
  List<String> of(List<Grant> all, List<Grant> refused) {
    List<String> lines = new ArrayList<>();
    all.stream()
        .collect(Collectors.groupingBy(g -> g.bot() + "/" + g.lane()))
        .values()
        .forEach(lane -> lines.addAll(takenEarly(lane)));
    for (Grant no : refused) {
      lines.add(
          String.format(
              Locale.ROOT,
              "a 429 answered %s's send on %s lane %d, claimed %d ms, ended %d ms; the sends"
                  + " before it (instance lane claimed-ended):",
              no.instance(),
              no.bot(),
              no.lane(),
              ms(no.claimed()),
              ms(no.ended())));
      all.stream()
          .filter(g -> g.bot().equals(no.bot()) && g.claimed().isBefore(no.claimed()))
          .sorted(Comparator.comparing(Grant::claimed).reversed())
          .limit(perWindow + 2L)
          .forEach(
              g ->
                  lines.add(
                      String.format(
                          Locale.ROOT,
                          "      %s %d %d-%d",
                          g.instance(),
                          g.lane(),
                          ms(g.claimed()),
                          ms(g.ended()))));
    }
    return lines;
  }

  private List<String> takenEarly(List<Grant> lane) {
    List<Grant> byClaim = new ArrayList<>(lane);
    byClaim.sort(Comparator.comparing(Grant::claimed));
    List<String> lines = new ArrayList<>();
    for (int i = 1; i < byClaim.size(); i++) {
      Grant before = byClaim.get(i - 1);
      Grant next = byClaim.get(i);
      // the budget keeps microseconds: a claim within the microsecond a lane frees is not early
      if (next.claimed().isBefore(before.ended().plus(window).truncatedTo(ChronoUnit.MICROS))) {
        lines.add(
            String.format(
                Locale.ROOT,
                "a bot lane taken again before it freed: %s lane %d: %s's send %d-%d ms, then"
                    + " %s's claimed %d ms",
                next.bot(),
                next.lane(),
                before.instance(),
                ms(before.claimed()),
                ms(before.ended()),
                next.instance(),
                ms(next.claimed())));
      }
    }
    return lines;
  }

  private long ms(Instant at) {
    return Duration.between(started, at).toMillis();
  }
}
