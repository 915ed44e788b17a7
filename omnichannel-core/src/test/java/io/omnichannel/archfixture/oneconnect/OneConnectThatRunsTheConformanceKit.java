package io.omnichannel.archfixture.oneconnect;

import io.omnichannel.archfixture.conformance.ConformanceKit;

/** Breaks "test equipment is seen by no product module": production code runs the kit. */
public class OneConnectThatRunsTheConformanceKit {
  final ConformanceKit kit = new ConformanceKit();
}
