package io.omnichannel.testkit.oneconnect;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /_emulator/oneconnect/…} reads. {@code min_count} and {@code timeout_ms} make a read wait
 * (on the journal's condition) until that many items exist: 200 when reached, 408 with what there
 * is otherwise.
 */
final class ControlInspectionEndpoints {
  private static final String ROOT = ControlEndpoints.ROOT;

  private final OneConnectInspection inspection;

  ControlInspectionEndpoints(OneConnectInspection inspection) {
    this.inspection = inspection;
  }

  void register(Javalin app) {
    app.get(
        ROOT + "/requests", ControlHttp.guard(ctx -> waitFor(ctx, () -> inspection.requests())));
    app.get(ROOT + "/transcript", ControlHttp.guard(this::transcript));
    app.get(ROOT + "/events", ControlHttp.guard(ctx -> waitFor(ctx, () -> inspection.events())));
    app.get(
        ROOT + "/deliveries",
        ControlHttp.guard(ctx -> waitFor(ctx, () -> inspection.deliveries())));
    app.post(
        ROOT + "/reset",
        ControlHttp.guard(
            ctx -> {
              inspection.clear();
              ControlHttp.ok(ctx, List.of());
            }));
  }

  private void transcript(Context ctx) {
    String lineId = ctx.queryParam("line_id");
    String userId = ctx.queryParam("user_id");
    if (lineId == null || userId == null) {
      waitFor(ctx, () -> inspection.transcripts());
    } else {
      waitFor(ctx, () -> inspection.transcript(lineId, userId));
    }
  }

  private void waitFor(Context ctx, Supplier<List<?>> read) {
    int minCount = ControlHttp.minCount(ctx);
    Optional<List<?>> reached =
        inspection
            .journal()
            .await(
                j -> Optional.<List<?>>of(read.get()).filter(l -> l.size() >= minCount),
                ControlHttp.timeout(ctx));
    ControlHttp.reply(ctx, reached.isPresent() ? 200 : 408, reached.orElseGet(read));
  }
}
