package io.omnichannel.archfixture.cycle.ping;

import io.omnichannel.archfixture.cycle.pong.Pong;

/** Breaks "no package cycles", with {@link Pong}: two packages that use each other. */
public class Ping {
  Pong answer;
}
