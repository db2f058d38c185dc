package uk.crossline.alerts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The seams of the alerts service, stated so that they stay where they are. */
class AlertsArchitectureTest {

  private static final JavaClasses ALERTS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("uk.crossline.alerts");

  @Test
  void featuresDependOnEachOtherWithoutCycles() {
    slices().matching("uk.crossline.alerts.(*)..").should().beFreeOfCycles().check(ALERTS);
  }

  /** Matching delivers into the inbox and reads subscriptions; neither knows about matching. */
  @Test
  void subscriptionsAndInboxDoNotDependOnMatching() {
    noClasses()
        .that()
        .resideInAnyPackage("uk.crossline.alerts.subscription..", "uk.crossline.alerts.inbox..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("uk.crossline.alerts.matching..")
        .check(ALERTS);
  }

  /**
   * The inbox and the subscriptions are separate features: an alert names its subscription by id.
   */
  @Test
  void inboxAndSubscriptionsDoNotDependOnEachOther() {
    noClasses()
        .that()
        .resideInAPackage("uk.crossline.alerts.inbox..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("uk.crossline.alerts.subscription..")
        .check(ALERTS);
    noClasses()
        .that()
        .resideInAPackage("uk.crossline.alerts.subscription..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("uk.crossline.alerts.inbox..")
        .check(ALERTS);
  }
}
