package io.omnichannel.oneconnect;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static io.omnichannel.architecture.RuleProof.assertCatches;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.omnichannel.archfixture.surface.oneconnect.EntryThatShowsFeign;
import io.omnichannel.archfixture.surface.oneconnect.PublicHookParser;
import org.junit.jupiter.api.Test;

/**
 * The adapter's surface: one public entry, no Feign or Jackson in it. That this adapter sees no
 * other adapter, the launcher or the test kit is SystemArchitectureTest's to check: only the
 * launcher's classpath holds them all.
 */
class OneConnectArchitectureTest {
  private static final JavaClasses ADAPTER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.omnichannel.oneconnect");

  private static final String FIXTURES = "io.omnichannel.archfixture.surface.oneconnect";

  static final ArchRule ONLY_THE_ENTRY_AND_ITS_CONFIG_ARE_PUBLIC =
      classes()
          .that()
          .haveModifier(JavaModifier.PUBLIC)
          .should()
          .haveNameMatching(
              "io\\.omnichannel\\.oneconnect\\.OneConnect(Config)?(\\$HookHandler|\\$HookResponse|\\$SoapVersion)?");

  static final ArchRule THE_PUBLIC_ENTRY_SHOWS_NO_FEIGN_OR_JACKSON =
      noClasses()
          .that()
          .haveModifier(JavaModifier.PUBLIC)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("feign..", "com.fasterxml..");

  @Test
  void onlyTheEntryAndItsConfigArePublic() {
    ONLY_THE_ENTRY_AND_ITS_CONFIG_ARE_PUBLIC.check(ADAPTER);
  }

  @Test
  void theSurfaceRuleCatchesAnotherPublicClass() {
    assertCatches(ONLY_THE_ENTRY_AND_ITS_CONFIG_ARE_PUBLIC, FIXTURES, PublicHookParser.class);
  }

  @Test
  void thePublicEntryShowsNoFeignOrJackson() {
    THE_PUBLIC_ENTRY_SHOWS_NO_FEIGN_OR_JACKSON.check(ADAPTER);
  }

  @Test
  void theFeignRuleCatchesAPublicClassThatShowsFeign() {
    assertCatches(THE_PUBLIC_ENTRY_SHOWS_NO_FEIGN_OR_JACKSON, FIXTURES, EntryThatShowsFeign.class);
  }
}
