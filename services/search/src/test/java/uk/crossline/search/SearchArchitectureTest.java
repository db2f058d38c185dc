package uk.crossline.search;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import uk.crossline.search.access.AccessQueries;
import uk.crossline.search.limits.CountsAgainst;

/** The seams of search, stated so that they stay where they are. */
class SearchArchitectureTest {

  private static final JavaClasses SEARCH =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("uk.crossline.search");

  /** Outside the auditors' package, whatever queries Elasticsearch reads the intelligence. */
  private static final DescribedPredicate<JavaClass> READ_INTELLIGENCE =
      DescribedPredicate.describe(
          "query Elasticsearch outside the audit package",
          type ->
              !type.getPackageName().startsWith("uk.crossline.search.audit")
                  && type.getDirectDependenciesFromSelf().stream()
                      .anyMatch(
                          dependency ->
                              dependency
                                  .getTargetClass()
                                  .isEquivalentTo(ElasticsearchClient.class)));

  @Test
  void featuresDependOnEachOtherWithoutCycles() {
    slices().matching("uk.crossline.search.(*)..").should().beFreeOfCycles().check(SEARCH);
  }

  /** Who sees what is decided in shared-model and translated in one place, for every feature. */
  @Test
  void everyReaderOfTheProjectionGoesThroughTheAccessQueries() {
    classes()
        .that(READ_INTELLIGENCE)
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(AccessQueries.class)
        .check(SEARCH);
  }

  @Test
  void theAccessTranslationKnowsNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("..search.access..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "..search.query..",
            "..search.detail..",
            "..search.links..",
            "..search.lookup..",
            "..search.premises..",
            "..search.requests..",
            "..search.statistics..",
            "..search.audit..")
        .check(SEARCH);
  }

  /** The auditors' copy of the access log is read by the auditors' API only. */
  @Test
  void onlyTheAuditPackageReadsTheAuditIndex() {
    noClasses()
        .that()
        .resideOutsideOfPackage("..search.audit..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("uk.crossline.model.audit.AuditIndex")
        .check(SEARCH);
  }

  /**
   * Every consultation of intelligence counts against a rate limit, so a new endpoint cannot be
   * added without one. Left out: the auditors' access log (AUDIT only, itself logged) and access
   * requests (each needs a match reference that only a counted look-up gives).
   */
  @Test
  void everyEndpointButTheAccessLogAndAccessRequestsIsRateLimited() {
    methods()
        .that()
        .areAnnotatedWith(GetMapping.class)
        .or()
        .areAnnotatedWith(PostMapping.class)
        .or()
        .areAnnotatedWith(PutMapping.class)
        .or()
        .areAnnotatedWith(DeleteMapping.class)
        .or()
        .areAnnotatedWith(RequestMapping.class)
        .and()
        .areDeclaredInClassesThat()
        .resideOutsideOfPackages("..search.audit..", "..search.requests..")
        .should()
        .beAnnotatedWith(CountsAgainst.class)
        .check(SEARCH);
  }
}
