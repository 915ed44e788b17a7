package io.omnichannel.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The hexagon's rules, stated once and run by the architecture tests of the core (its own rules)
 * and of the launcher (all of them, over every module). ArchUnit's default stays on: a rule that
 * matches no class fails.
 *
 * <p>Each part is named by its real package and by its stand-in in the miniature under {@link
 * #FIXTURES}, whose classes break every rule on purpose: the pattern for the core, for example,
 * matches both io.omnichannel.core and io.omnichannel.archfixture.core. So the tests that prove a
 * rule can fail run the very rule object the suite runs.
 */
public final class ArchitectureRules {
  public static final String ROOT = "io.omnichannel";
  private static final String MINIATURE = "archfixture";

  /** The miniature system that breaks the rules (test sources of the core, never a product jar). */
  public static final String FIXTURES = ROOT + "." + MINIATURE;

  private static final String CORE = part("core");
  private static final String DOMAIN = part("core.domain");
  private static final String USE_CASES = part("core.usecase");
  private static final String PORTS = part("core.port");
  private static final String TELEGRAM = part("telegram");
  private static final String MAX = part("max");
  private static final String MESSENGER_SUPPORT = part("messenger");
  private static final String ONECONNECT = part("oneconnect");
  private static final String PERSISTENCE = part("persistence");
  private static final String TESTKIT = part("testkit");
  private static final String CONFORMANCE = part("conformance");
  private static final String LAUNCHER = part("launcher");

  public static final ArchRule CORE_DEPENDS_ONLY_ON_THE_JDK_AND_GUAVA =
      classes()
          .that()
          .resideInAPackage(CORE)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(CORE, "java..", "com.google.common..")
          .because("the core is plain Java: adapters, frameworks and drivers stay outside it");

  public static final ArchRule DOMAIN_DEPENDS_ON_NO_USE_CASE_OR_PORT =
      noClasses()
          .that()
          .resideInAPackage(DOMAIN)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(USE_CASES, PORTS)
          .because("values and rules know nothing of use cases or ports");

  public static final ArchRule PORTS_ARE_INTERFACES_OR_VALUES =
      classes()
          .that()
          .resideInAPackage(PORTS)
          .and()
          .areTopLevelClasses()
          .and(DescribedPredicate.not(recordsOrEnums()))
          .should()
          .beInterfaces()
          .because("a port is a contract; what crosses it is a record or an enum");

  public static final ArchRule NO_PACKAGE_CYCLES =
      slices().matching(ROOT + ".(**)").should().beFreeOfCycles();

  /**
   * The modules' map. Adapters never see each other; what the messenger adapters share (the polling
   * loop, the webhook intake, HTTP plumbing) is a module only they see; the test equipment
   * (emulators, conformance kit) is seen by no product module; only the launcher knows them all,
   * and nothing knows the launcher. Whether the launcher may use the test equipment is {@link
   * #LAUNCHER_USES_NO_TEST_EQUIPMENT}'s to say.
   */
  public static final ArchRule ADAPTERS_AND_TEST_EQUIPMENT_ARE_SEEN_ONLY_BY_THE_LAUNCHER =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Core")
          .definedBy(CORE)
          .layer("Telegram adapter")
          .definedBy(TELEGRAM)
          // Optional: the miniature has no MAX stand-in; the launcher's class path holds the
          // adapter.
          .optionalLayer("MAX adapter")
          .definedBy(MAX)
          .layer("Messenger support")
          .definedBy(MESSENGER_SUPPORT)
          .layer("1C-Connect adapter")
          .definedBy(ONECONNECT)
          .layer("Persistence adapter")
          .definedBy(PERSISTENCE)
          .layer("Test kit")
          .definedBy(TESTKIT)
          // Optional: the launcher's class path, from which the system test imports, holds no
          // conformance kit; the rule still speaks for any module that one day does.
          .optionalLayer("Conformance kit")
          .definedBy(CONFORMANCE)
          .layer("Launcher")
          .definedBy(LAUNCHER)
          .whereLayer("Telegram adapter")
          .mayOnlyBeAccessedByLayers("Launcher")
          .whereLayer("MAX adapter")
          .mayOnlyBeAccessedByLayers("Launcher")
          .whereLayer("Messenger support")
          .mayOnlyBeAccessedByLayers("Telegram adapter", "MAX adapter")
          .whereLayer("1C-Connect adapter")
          .mayOnlyBeAccessedByLayers("Launcher")
          .whereLayer("Persistence adapter")
          .mayOnlyBeAccessedByLayers("Launcher")
          .whereLayer("Test kit")
          .mayOnlyBeAccessedByLayers("Conformance kit", "Launcher")
          .whereLayer("Conformance kit")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Launcher")
          .mayNotBeAccessedByAnyLayer();

  /** The service jar ships no emulator and nothing that links to JUnit or AssertJ. */
  public static final ArchRule LAUNCHER_USES_NO_TEST_EQUIPMENT =
      noClasses()
          .that()
          .resideInAPackage(LAUNCHER)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(TESTKIT, CONFORMANCE)
          .because("the emulators and the conformance kit are test equipment");

  private ArchitectureRules() {}

  /** A part's real package and its stand-in in the miniature, as one package pattern. */
  private static String part(String name) {
    return ROOT + ".[" + name + "|" + MINIATURE + "." + name + "]..";
  }

  private static DescribedPredicate<JavaClass> recordsOrEnums() {
    return DescribedPredicate.describe(
        "records or enums", type -> type.isEnum() || type.isAssignableTo(Record.class));
  }
}
