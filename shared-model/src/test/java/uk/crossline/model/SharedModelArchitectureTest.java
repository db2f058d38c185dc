package uk.crossline.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shared model is read by every service and by tools outside Spring, so it stays plain Java.
 */
@AnalyzeClasses(
    packages = "uk.crossline.model",
    importOptions = ImportOption.DoNotIncludeTests.class)
class SharedModelArchitectureTest {

  @ArchTest
  static final ArchRule sharedModelDependsOnNoFramework =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "jakarta.persistence..",
              "org.apache.kafka..",
              "co.elastic..")
          .because("shared-model is plain Java shared by every service (STYLE.md)");
}
