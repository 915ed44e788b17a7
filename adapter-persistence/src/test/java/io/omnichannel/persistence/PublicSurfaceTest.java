package io.omnichannel.persistence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static io.omnichannel.architecture.RuleProof.assertCatches;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.omnichannel.archfixture.surface.persistence.PublicRepository;
import org.junit.jupiter.api.Test;

/**
 * STYLE 5: one public entry, with its config and the records it answers with (a dead letter for the
 * admin, an applied migration for {@code migrate}); everything else is package-private.
 */
class PublicSurfaceTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.omnichannel.persistence");

  static final ArchRule ONLY_THE_ENTRY_ITS_CONFIG_AND_ITS_RECORDS_ARE_PUBLIC =
      classes()
          .that()
          .haveModifier(JavaModifier.PUBLIC)
          .should()
          .haveSimpleName("Persistence")
          .orShould()
          .haveSimpleName("PersistenceConfig")
          .orShould()
          .haveSimpleName("AppliedMigration");

  @Test
  void onlyTheEntryItsConfigAndItsRecordsArePublic() {
    ONLY_THE_ENTRY_ITS_CONFIG_AND_ITS_RECORDS_ARE_PUBLIC.check(MAIN);
  }

  @Test
  void theSurfaceRuleCatchesAnotherPublicClass() {
    assertCatches(
        ONLY_THE_ENTRY_ITS_CONFIG_AND_ITS_RECORDS_ARE_PUBLIC,
        "io.omnichannel.archfixture.surface.persistence",
        PublicRepository.class);
  }
}
