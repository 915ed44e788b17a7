package io.omnichannel.persistence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * STYLE 5: one public entry, with its config and its admin record; everything else is
 * package-private.
 */
class PublicSurfaceTest {
  private final JavaClasses main =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.omnichannel.persistence");

  @Test
  void onlyTheEntryItsConfigAndTheDeadLetterRecordArePublic() {
    classes()
        .that()
        .haveModifier(JavaModifier.PUBLIC)
        .should()
        .haveSimpleName("Persistence")
        .orShould()
        .haveSimpleName("PersistenceConfig")
        .orShould()
        .haveSimpleName("DeadLetter")
        .check(main);
  }
}
