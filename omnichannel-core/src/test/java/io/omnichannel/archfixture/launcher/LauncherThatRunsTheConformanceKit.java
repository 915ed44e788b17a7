package io.omnichannel.archfixture.launcher;

import io.omnichannel.archfixture.conformance.ConformanceKit;

/** Breaks "the launcher uses no test equipment": the service would link to JUnit and AssertJ. */
public class LauncherThatRunsTheConformanceKit {
  final ConformanceKit kit = new ConformanceKit();
}
