package io.omnichannel.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/** Proof that a rule can fail: it rejects a fixture class written to break it. */
public final class RuleProof {
  private RuleProof() {}

  /**
   * Evaluates the rule on every class under the fixture package and asserts that it fails, naming
   * the breaker among its violations.
   */
  public static void assertCatches(ArchRule rule, String fixturePackage, Class<?> breaker) {
    JavaClasses fixture = new ClassFileImporter().importPackages(fixturePackage);
    EvaluationResult result = rule.evaluate(fixture);

    assertThat(result.hasViolation())
        .as("'%s' fails on %s", rule.getDescription(), fixturePackage)
        .isTrue();
    assertThat(result.getFailureReport().getDetails())
        .as("the violations of '%s'", rule.getDescription())
        .anyMatch(violation -> violation.contains(breaker.getName()));
  }
}
