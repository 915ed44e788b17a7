package io.omnichannel.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hexagon across every module on the launcher's classpath: the core stays pure, adapters never
 * see each other, only the launcher knows them all.
 */
class SystemArchitectureTest {
  private static final JavaClasses ALL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages(ArchitectureRules.ROOT);

  /** The modules as jars too (a module built outside this reactor), but never their test-jars. */
  private static final JavaClasses WITH_JARS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(location -> !location.matches(Pattern.compile(".*-tests\\.jar!/.*")))
          .importPackages(ArchitectureRules.ROOT);

  @Test
  void coreDependsOnlyOnTheJdkAndGuava() {
    ArchitectureRules.coreDependsOnlyOnTheJdkAndGuava().check(WITH_JARS);
  }

  @Test
  void noClassOutsideTheLauncherDependsOnTwoAdapters() {
    ArchitectureRules.noClassOutsideTheLauncherDependsOnTwoAdapters().check(WITH_JARS);
  }

  @Test
  void launcherPackagesHaveNoCycles() {
    ArchitectureRules.noPackageCycles().check(ALL);
  }
}
