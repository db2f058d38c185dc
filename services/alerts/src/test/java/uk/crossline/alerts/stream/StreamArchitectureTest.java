package uk.crossline.alerts.stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The stream reads the inbox; nothing else knows of the stream. */
class StreamArchitectureTest {

  private static final JavaClasses ALERTS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("uk.crossline.alerts");

  @Test
  void onlyTheStreamKnowsTheStream() {
    noClasses()
        .that()
        .resideOutsideOfPackage("uk.crossline.alerts.stream..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("uk.crossline.alerts.stream..")
        .check(ALERTS);
  }

  @Test
  void metricsDependOnNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("uk.crossline.alerts.metrics..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "uk.crossline.alerts.inbox..",
            "uk.crossline.alerts.matching..",
            "uk.crossline.alerts.subscription..",
            "uk.crossline.alerts.stream..")
        .check(ALERTS);
  }
}
