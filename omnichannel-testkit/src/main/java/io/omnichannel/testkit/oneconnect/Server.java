package io.omnichannel.testkit.oneconnect;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the Javalin server: routes, error mapping and the request log. */
final class Server {
  private static final Logger LOG = LoggerFactory.getLogger(Server.class);

  private Server() {}

  static Javalin create(
      Emulation emu,
      OneConnectWorld world,
      OneConnectScenario scenario,
      OneConnectInspection inspection) {
    Javalin app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.startupWatcherEnabled = false;
              // Both slash forms are registered explicitly where the service accepts them;
              // elsewhere they differ.
              config.router.ignoreTrailingSlashes = false;
              config.http.maxRequestSize = 16L << 20;
              config.http.disableCompression();
            });
    RequestRecorder recorder =
        new RequestRecorder(emu.journal(), emu.config().maxRecordedBodyChars());
    app.before(Multipart::enable);
    // as the real service: a wrong login or password is 401 whatever the path and method
    app.before(
        ctx -> {
          String path = ctx.path();
          if (path.startsWith("/v1/") || path.startsWith("/cus/")) {
            emu.access().account(ctx);
          }
        });
    app.after(
        ctx -> {
          String path = ctx.path();
          if (path.startsWith("/v1/") || path.startsWith("/cus/")) {
            recorder.record(ctx);
          }
        });
    app.exception(ApiError.class, (error, ctx) -> Wire.error(ctx, error));
    app.exception(
        HttpResponseException.class,
        (error, ctx) -> ctx.status(error.getStatus()).result(new byte[0]));
    app.exception(
        Exception.class,
        (error, ctx) -> {
          LOG.error("emulator failure on {} {}", ctx.method(), ctx.path(), error);
          ctx.status(500).result(new byte[0]);
        });
    new LineEndpoints(emu).register(app);
    new HookEndpoints(emu).register(app);
    new SendEndpoints(emu).register(app);
    new TreatmentEndpoints(emu).register(app);
    new ReceiveEndpoints(emu).register(app);
    new MiscEndpoints(emu).register(app);
    new PartnerEndpoints(emu).register(app);
    new SoapEndpoint(emu.access(), emu.directory(), emu.clients()).register(app);
    new ControlEndpoints(world, scenario, inspection).register(app);
    return app;
  }
}
