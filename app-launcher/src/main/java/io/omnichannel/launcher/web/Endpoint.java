package io.omnichannel.launcher.web;

import io.javalin.Javalin;

/** A group of routes that mounts itself into a Javalin app (the bundled server or a host's own). */
public interface Endpoint {
  void mount(Javalin app);
}
