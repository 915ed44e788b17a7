package io.omnichannel.archfixture.cycle.pong;

import io.omnichannel.archfixture.cycle.ping.Ping;

/** Breaks "no package cycles", with {@link Ping}: two packages that use each other. */
public class Pong {
  Ping answer;
}
