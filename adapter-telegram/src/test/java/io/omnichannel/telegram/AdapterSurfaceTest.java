package io.omnichannel.telegram;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The launcher sees one entry and its config; Feign, Jackson and the DTOs stay inside. */
@AnalyzeClasses(
    packages = "io.omnichannel.telegram",
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
          .haveSimpleName("Telegram")
          .orShould()
          .haveSimpleName("TelegramConfig");

  @ArchTest
  static final ArchRule theAdapterNeverReachesOtherAdapters =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.omnichannel.oneconnect..",
              "io.omnichannel.persistence..",
              "io.omnichannel.launcher..",
              "io.omnichannel.testkit..");
}
