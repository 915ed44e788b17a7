package io.omnichannel.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core's side of the hexagon, checked on the core's production classes. */
class CoreArchitectureTest {
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.omnichannel.core");

  @Test
  void coreDependsOnlyOnTheJdkAndGuava() {
    ArchitectureRules.coreDependsOnlyOnTheJdkAndGuava().check(CORE);
  }

  @Test
  void domainDoesNotDependOnUseCasesOrPorts() {
    ArchitectureRules.domainDoesNotReachOutward().check(CORE);
  }

  @Test
  void portsAreInterfacesAndWhatCrossesThemAreValues() {
    ArchitectureRules.portsAreInterfacesOrValues().check(CORE);
  }

  @Test
  void corePackagesHaveNoCycles() {
    ArchitectureRules.noPackageCycles().check(CORE);
  }

  @Test
  void coreDependsOnNoAdapter() {
    ArchitectureRules.noClassOutsideTheLauncherDependsOnTwoAdapters().check(CORE);
  }

  /** The two-adapter rule is only worth something if it catches a class that mixes two adapters. */
  @Test
  void theTwoAdapterRuleCatchesAClassThatMixesTwoAdapters() {
    JavaClasses fixture = new ClassFileImporter().importPackages("io.omnichannel.archfixture");

    assertThatThrownBy(
            () ->
                ArchitectureRules.noClassOutsideTheLauncherDependsOnTwoAdapters(
                        "io.omnichannel.archfixture.telegram",
                        "io.omnichannel.archfixture.oneconnect")
                    .check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "io.omnichannel.archfixture.mixed.BothAdapters depends on the adapters");
  }

  /**
   * And the core rule catches a framework import (the fixture's classes depend on nothing but each
   * other).
   */
  @Test
  void theCoreRuleCatchesAForeignDependency() {
    JavaClasses fixture = new ClassFileImporter().importPackages("io.omnichannel.archfixture");

    assertThatThrownBy(
            () ->
                com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                    .that()
                    .resideInAPackage("io.omnichannel.archfixture.mixed..")
                    .should()
                    .onlyDependOnClassesThat()
                    .resideInAnyPackage("java..", "io.omnichannel.archfixture.mixed..")
                    .check(fixture))
        .isInstanceOf(AssertionError.class);
  }
}
