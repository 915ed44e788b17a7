package io.omnichannel.max;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The launcher sees one entry and its config; Feign, Jackson and the DTOs stay inside, and the
 * adapter sees no other adapter.
 */
@AnalyzeClasses(
    packages = "io.omnichannel.max",
    importOptions = ImportOption.DoNotIncludeTests.class)
class AdapterSurfaceTest {

  @ArchTest
  static final ArchRule onlyTheEntryAndItsConfigArePublic =
      classes()
          .that()
          .areTopLevelClasses()
          .and()
          .arePublic()
          .should()
          .haveSimpleName("Max")
          .orShould()
          .haveSimpleName("MaxConfig");

  @ArchTest
  static final ArchRule noOtherAdapter =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.omnichannel.telegram..",
              "io.omnichannel.oneconnect..",
              "io.omnichannel.persistence..",
              "io.omnichannel.launcher..",
              "io.omnichannel.testkit..");
}
