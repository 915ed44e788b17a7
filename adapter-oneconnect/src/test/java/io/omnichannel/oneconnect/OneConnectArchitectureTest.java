package io.omnichannel.oneconnect;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.omnichannel.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * The adapter's side of the hexagon: one public entry, no other adapter, no Feign or Jackson in its
 * surface.
 */
class OneConnectArchitectureTest {
  private static final JavaClasses ADAPTER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.omnichannel.oneconnect");

  @Test
  void dependsOnNoOtherAdapter() {
    ArchitectureRules.noClassOutsideTheLauncherDependsOnTwoAdapters().check(ADAPTER);
  }

  @Test
  void onlyTheEntryAndItsConfigArePublic() {
    classes()
        .that()
        .haveModifier(JavaModifier.PUBLIC)
        .should()
        .haveNameMatching(
            "io\\.omnichannel\\.oneconnect\\.OneConnect(Config)?(\\$HookHandler|\\$HookResponse)?")
        .check(ADAPTER);
  }

  @Test
  void thePublicEntryShowsNoFeignOrJackson() {
    noClasses()
        .that()
        .haveModifier(JavaModifier.PUBLIC)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("feign..", "com.fasterxml..")
        .check(ADAPTER);
  }
}
