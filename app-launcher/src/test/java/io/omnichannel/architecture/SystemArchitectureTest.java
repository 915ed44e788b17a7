package io.omnichannel.architecture;

import static io.omnichannel.architecture.ArchitectureRules.ADAPTERS_AND_TEST_EQUIPMENT_ARE_SEEN_ONLY_BY_THE_LAUNCHER;
import static io.omnichannel.architecture.ArchitectureRules.CORE_DEPENDS_ONLY_ON_THE_JDK_AND_GUAVA;
import static io.omnichannel.architecture.ArchitectureRules.FIXTURES;
import static io.omnichannel.architecture.ArchitectureRules.LAUNCHER_USES_NO_TEST_EQUIPMENT;
import static io.omnichannel.architecture.ArchitectureRules.NO_PACKAGE_CYCLES;
import static io.omnichannel.architecture.RuleProof.assertCatches;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.omnichannel.archfixture.launcher.LauncherThatRunsTheConformanceKit;
import io.omnichannel.archfixture.launcher.LauncherThatUsesMessengerSupport;
import io.omnichannel.archfixture.launcher.LauncherThatUsesTheTestKit;
import io.omnichannel.archfixture.oneconnect.OneConnectThatRunsTheConformanceKit;
import io.omnichannel.archfixture.persistence.PersistenceThatUsesTheTestKit;
import io.omnichannel.archfixture.telegram.TelegramThatCallsOneConnect;
import io.omnichannel.archfixture.telegram.TelegramThatCallsTheLauncher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hexagon across every module on the launcher's classpath, test kit included: the core stays
 * pure, adapters never see each other, only the launcher knows them all, and no product module uses
 * the test equipment. The proofs run each rule on the miniature (in the core's test-jar) that
 * breaks it; the core's own rules are proven in CoreArchitectureTest.
 */
class SystemArchitectureTest {
  /**
   * Every module's production classes, from directories or jars (a module built outside this
   * reactor), but never a test class or test-jar: those hold the miniature that breaks the rules.
   */
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(location -> !location.matches(Pattern.compile(".*-tests\\.jar!/.*")))
          .importPackages(ArchitectureRules.ROOT);

  @Test
  void coreDependsOnlyOnTheJdkAndGuava() {
    CORE_DEPENDS_ONLY_ON_THE_JDK_AND_GUAVA.check(MAIN);
  }

  @Test
  void adaptersAndTestEquipmentAreSeenOnlyByTheLauncher() {
    ADAPTERS_AND_TEST_EQUIPMENT_ARE_SEEN_ONLY_BY_THE_LAUNCHER.check(MAIN);
  }

  @Test
  void theModuleRuleCatchesAnAdapterThatCallsAnother() {
    assertCatches(
        ADAPTERS_AND_TEST_EQUIPMENT_ARE_SEEN_ONLY_BY_THE_LAUNCHER,
        FIXTURES,
        TelegramThatCallsOneConnect.class);
  }

  @Test
  void theModuleRuleCatchesAnAdapterThatCallsTheLauncher() {
    assertCatches(
        ADAPTERS_AND_TEST_EQUIPMENT_ARE_SEEN_ONLY_BY_THE_LAUNCHER,
        FIXTURES,
        TelegramThatCallsTheLauncher.class);
  }

  @Test
  void theModuleRuleCatchesAnAdapterThatUsesTheTestKit() {
    assertCatches(
        ADAPTERS_AND_TEST_EQUIPMENT_ARE_SEEN_ONLY_BY_THE_LAUNCHER,
        FIXTURES,
        PersistenceThatUsesTheTestKit.class);
  }

  @Test
  void theModuleRuleCatchesAnAdapterThatRunsTheConformanceKit() {
    assertCatches(
        ADAPTERS_AND_TEST_EQUIPMENT_ARE_SEEN_ONLY_BY_THE_LAUNCHER,
        FIXTURES,
        OneConnectThatRunsTheConformanceKit.class);
  }

  @Test
  void theModuleRuleCatchesTheLauncherUsingWhatTheMessengerAdaptersShare() {
    assertCatches(
        ADAPTERS_AND_TEST_EQUIPMENT_ARE_SEEN_ONLY_BY_THE_LAUNCHER,
        FIXTURES,
        LauncherThatUsesMessengerSupport.class);
  }

  @Test
  void launcherUsesNoTestEquipment() {
    LAUNCHER_USES_NO_TEST_EQUIPMENT.check(MAIN);
  }

  @Test
  void theLauncherRuleCatchesALauncherClassThatUsesTheTestKit() {
    assertCatches(LAUNCHER_USES_NO_TEST_EQUIPMENT, FIXTURES, LauncherThatUsesTheTestKit.class);
  }

  @Test
  void theLauncherRuleCatchesALauncherClassThatRunsTheConformanceKit() {
    assertCatches(
        LAUNCHER_USES_NO_TEST_EQUIPMENT, FIXTURES, LauncherThatRunsTheConformanceKit.class);
  }

  @Test
  void packagesOfAllModulesHaveNoCycles() {
    NO_PACKAGE_CYCLES.check(MAIN);
  }
}
