package io.omnichannel.launcher.config;

import java.util.List;

/**
 * Thrown at start-up with every problem of the configuration, one clear line each, no secret value.
 */
public final class ConfigProblems extends RuntimeException {
  private final List<String> problems;

  public ConfigProblems(List<String> problems) {
    super(
        "configuration has "
            + problems.size()
            + " problem(s):\n  - "
            + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
