package uk.crossline.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The seams of the intake, stated so that they stay where they are. */
class IntakeArchitectureTest {

  private static final JavaClasses INTAKE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("uk.crossline.intake");

  @Test
  void agencyFormsDoNotDependOnEachOther() {
    slices()
        .matching("uk.crossline.intake.(police|tradingstandards|safeguarding|council)..")
        .should()
        .notDependOnEachOther()
        .check(INTAKE);
  }

  @Test
  void anonymisationKnowsNothingOfFormsSubmissionOrKafka() {
    noClasses()
        .that()
        .resideInAPackage("..intake.anonymise..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "..intake.form..",
            "..intake.submission..",
            "..intake.bulk..",
            "org.apache.kafka..",
            "org.springframework.kafka..")
        .check(INTAKE);
  }

  @Test
  void onlyTheSubmissionPackageTalksToKafka() {
    noClasses()
        .that()
        .resideOutsideOfPackage("..intake.submission..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
        .check(INTAKE);
  }

  @Test
  void formsDoNotPublish() {
    noClasses()
        .that()
        .resideInAPackage("..intake.form..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..intake.submission..", "..intake.bulk..")
        .check(INTAKE);
  }
}
