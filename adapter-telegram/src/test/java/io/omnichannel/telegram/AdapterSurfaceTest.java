package io.omnichannel.telegram;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static io.omnichannel.architecture.RuleProof.assertCatches;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.omnichannel.archfixture.surface.telegram.PublicUpdateDto;
import org.junit.jupiter.api.Test;

/**
 * The launcher sees one entry and its config; Feign, Jackson and the DTOs stay inside. That this
 * adapter sees no other adapter, the launcher or the test kit is SystemArchitectureTest's to check:
 * only the launcher's classpath holds them all.
 */
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

  @Test
  void theSurfaceRuleCatchesAnotherPublicClass() {
    assertCatches(
        onlyTheEntryAndItsConfigArePublic,
        "io.omnichannel.archfixture.surface.telegram",
        PublicUpdateDto.class);
  }
}
