package uk.crossline.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import uk.crossline.archfixture.ModelClassUsingSpring;

/**
 * The shared model is read by every service and by tools outside Spring, so it stays plain Java.
 */
class SharedModelArchitectureTest {

  static final ArchRule SHARED_MODEL_DEPENDS_ON_NO_FRAMEWORK =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "jakarta.persistence..",
              "org.apache.kafka..",
              "co.elastic..")
          .because("shared-model is plain Java shared by every service (STYLE.md)");

  @Test
  void sharedModelDependsOnNoFramework() {
    SHARED_MODEL_DEPENDS_ON_NO_FRAMEWORK.check(
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("uk.crossline.model"));
  }

  @Test
  void ruleFailsOnAClassThatUsesSpring() {
    var offending = new ClassFileImporter().importClasses(ModelClassUsingSpring.class);

    assertThatThrownBy(() -> SHARED_MODEL_DEPENDS_ON_NO_FRAMEWORK.check(offending))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("org.springframework.util.StringUtils");
  }
}
