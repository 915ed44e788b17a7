package io.omnichannel.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hexagon's rules, stated once and applied by every module's architecture test (the launcher's
 * test sees all modules at once). ArchUnit's default stays on: a rule that matches no class fails.
 */
public final class ArchitectureRules {
  public static final String ROOT = "io.omnichannel";
  public static final String CORE = ROOT + ".core..";
  public static final String DOMAIN = ROOT + ".core.domain..";
  public static final String USE_CASES = ROOT + ".core.usecase..";
  public static final String PORTS = ROOT + ".core.port..";
  public static final String LAUNCHER = ROOT + ".launcher..";

  /**
   * Adapter name → its package; a class may depend on at most one of these unless it is the
   * launcher's.
   */
  public static final List<String> ADAPTERS =
      List.of(ROOT + ".telegram", ROOT + ".oneconnect", ROOT + ".persistence");

  private ArchitectureRules() {}

  public static ArchRule coreDependsOnlyOnTheJdkAndGuava() {
    return classes()
        .that()
        .resideInAPackage(CORE)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(CORE, "java..", "com.google.common..")
        .because("the core is plain Java: no Jackson, Feign, JDBC, logging or HTTP framework");
  }

  public static ArchRule domainDoesNotReachOutward() {
    return noClasses()
        .that()
        .resideInAPackage(DOMAIN)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(USE_CASES, PORTS)
        .because("values and rules know nothing of use cases or ports");
  }

  public static ArchRule portsAreInterfacesOrValues() {
    return classes()
        .that()
        .resideInAPackage(PORTS)
        .and()
        .areTopLevelClasses()
        .and(DescribedPredicate.not(recordsOrEnums()))
        .should()
        .beInterfaces()
        .because("a port is a contract; what crosses it is a record or an enum");
  }

  public static ArchRule noPackageCycles() {
    return slices().matching(ROOT + ".(**)").should().beFreeOfCycles();
  }

  /** Adapters never see each other; only the launcher knows them all. */
  public static ArchRule noClassOutsideTheLauncherDependsOnTwoAdapters(String... adapterPackages) {
    List<String> adapters = adapterPackages.length == 0 ? ADAPTERS : List.of(adapterPackages);
    return classes().that().resideOutsideOfPackage(LAUNCHER).should(dependOnAtMostOneOf(adapters));
  }

  private static DescribedPredicate<JavaClass> recordsOrEnums() {
    return DescribedPredicate.describe(
        "records or enums", type -> type.isEnum() || type.isAssignableTo(Record.class));
  }

  private static ArchCondition<JavaClass> dependOnAtMostOneOf(List<String> adapters) {
    return new ArchCondition<>("depend on at most one adapter of " + adapters) {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        Set<String> touched = new TreeSet<>();
        adapterOf(item.getPackageName(), adapters).ifPresent(touched::add);
        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
          adapterOf(dependency.getTargetClass().getPackageName(), adapters).ifPresent(touched::add);
        }
        boolean satisfied = touched.size() <= 1;
        events.add(
            new SimpleConditionEvent(
                item,
                satisfied,
                item.getName()
                    + (satisfied
                        ? " stays within one adapter"
                        : " depends on the adapters " + touched)));
      }
    };
  }

  private static java.util.Optional<String> adapterOf(String packageName, List<String> adapters) {
    return adapters.stream()
        .filter(a -> packageName.equals(a) || packageName.startsWith(a + "."))
        .findFirst();
  }
}
