package io.omnichannel.architecture;

import static io.omnichannel.architecture.ArchitectureRules.CORE_DEPENDS_ONLY_ON_THE_JDK_AND_GUAVA;
import static io.omnichannel.architecture.ArchitectureRules.DOMAIN_DEPENDS_ON_NO_USE_CASE_OR_PORT;
import static io.omnichannel.architecture.ArchitectureRules.FIXTURES;
import static io.omnichannel.architecture.ArchitectureRules.NO_PACKAGE_CYCLES;
import static io.omnichannel.architecture.ArchitectureRules.PORTS_ARE_INTERFACES_OR_VALUES;
import static io.omnichannel.architecture.RuleProof.assertCatches;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.omnichannel.archfixture.core.CoreThatUsesALibrary;
import io.omnichannel.archfixture.core.CoreThatUsesAnAdapter;
import io.omnichannel.archfixture.core.domain.DomainThatHoldsAUseCase;
import io.omnichannel.archfixture.core.port.PortThatIsAClass;
import io.omnichannel.archfixture.cycle.ping.Ping;
import org.junit.jupiter.api.Test;

/**
 * The core's side of the hexagon, checked on the core's production classes; each rule is also run
 * on the miniature that breaks it, to prove it can fail.
 */
class CoreArchitectureTest {
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.omnichannel.core");

  /** This rule also keeps every adapter out: an adapter is neither the JDK nor Guava. */
  @Test
  void coreDependsOnlyOnTheJdkAndGuava() {
    CORE_DEPENDS_ONLY_ON_THE_JDK_AND_GUAVA.check(CORE);
  }

  @Test
  void theJdkAndGuavaRuleCatchesACoreClassThatUsesAnAdapter() {
    assertCatches(CORE_DEPENDS_ONLY_ON_THE_JDK_AND_GUAVA, FIXTURES, CoreThatUsesAnAdapter.class);
  }

  @Test
  void theJdkAndGuavaRuleCatchesACoreClassThatUsesALibrary() {
    assertCatches(CORE_DEPENDS_ONLY_ON_THE_JDK_AND_GUAVA, FIXTURES, CoreThatUsesALibrary.class);
  }

  @Test
  void domainDependsOnNoUseCaseOrPort() {
    DOMAIN_DEPENDS_ON_NO_USE_CASE_OR_PORT.check(CORE);
  }

  @Test
  void theDomainRuleCatchesADomainValueThatHoldsAUseCase() {
    assertCatches(DOMAIN_DEPENDS_ON_NO_USE_CASE_OR_PORT, FIXTURES, DomainThatHoldsAUseCase.class);
  }

  @Test
  void portsAreInterfacesAndWhatCrossesThemAreValues() {
    PORTS_ARE_INTERFACES_OR_VALUES.check(CORE);
  }

  @Test
  void thePortRuleCatchesAPortThatIsAPlainClass() {
    assertCatches(PORTS_ARE_INTERFACES_OR_VALUES, FIXTURES, PortThatIsAClass.class);
  }

  @Test
  void corePackagesHaveNoCycles() {
    NO_PACKAGE_CYCLES.check(CORE);
  }

  @Test
  void theCycleRuleCatchesTwoPackagesThatUseEachOther() {
    assertCatches(NO_PACKAGE_CYCLES, FIXTURES, Ping.class);
  }
}
