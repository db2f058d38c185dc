package uk.crossline.demo.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.crossline.model.AgencyType;
import uk.crossline.model.vocabulary.AgeBand;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.IdentifierType;
import uk.crossline.model.vocabulary.Indicator;
import uk.crossline.model.vocabulary.SubjectRole;
import uk.crossline.model.vocabulary.Tlp;

/**
 * One report as an agency's system sends it to the intake: the shared fields at the top level, then
 * what that agency's form adds. The records mirror the intake's forms field for field, since the
 * intake refuses unknown fields.
 */
public sealed interface Form
    permits Form.Police, Form.TradingStandards, Form.Safeguarding, Form.Council {

  String reference();

  When observedAt();

  Where where();

  List<Indicator> indicators();

  String summary();

  Marking marking();

  List<IdentifierEntry> identifiers();

  /** The category the event will have, which some forms derive from their own terms. */
  Category category();

  /** The business premises the report names, if any. */
  Optional<PremisesEntry> premisesNamed();

  /** When it happened, and how exactly the submitter knows. */
  record When(Instant at, String precision) {}

  /** Where: a postcode (full or outward), a district, a ward, a point, as the submitter has it. */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  record Where(
      Optional<String> postcode,
      Optional<String> district,
      Optional<String> ward,
      Optional<Double> latitude,
      Optional<Double> longitude) {}

  /** TLP 2.0 marking and, for AMBER and AMBER+STRICT, who else may see it. */
  record Marking(
      Tlp tlp,
      boolean officialSensitive,
      List<String> shareWithAgencies,
      List<AgencyType> shareWithAgencyTypes) {

    public Marking {
      shareWithAgencies = List.copyOf(shareWithAgencies);
      shareWithAgencyTypes = List.copyOf(shareWithAgencyTypes);
    }
  }

  /** The 3x5x2 grading as police write it: 1/2/3, A to E, P or C with its conditions. */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  record Grading(
      String source, String intelligence, String handling, Optional<String> conditions) {}

  /** A phone, vehicle, handle or email as written in the report. */
  record IdentifierEntry(IdentifierType type, String value, boolean dealLine) {

    @Override
    public String toString() {
      return "IdentifierEntry[" + type + ", withheld]";
    }
  }

  /** A person in the report: a role, an age band, and a (fictional) name only sometimes. */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  record Subject(SubjectRole role, Optional<String> name, AgeBand ageBand) {}

  /** A business premises, identifiable on purpose. */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  record PremisesEntry(
      String name,
      String address,
      String postcode,
      Optional<String> uprn,
      Optional<Double> latitude,
      Optional<Double> longitude) {}

  /** The child a school or mentor is worried about, by year group; by name only sometimes. */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  record YoungPerson(int yearGroup, Optional<String> name) {}

  /** A police intelligence report: any category, always graded. */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  record Police(
      String reference,
      When observedAt,
      Where where,
      List<Indicator> indicators,
      String summary,
      Marking marking,
      Category category,
      Grading grading,
      List<Subject> subjects,
      List<IdentifierEntry> identifiers,
      Optional<PremisesEntry> premises)
      implements Form {

    @JsonIgnore
    @Override
    public Optional<PremisesEntry> premisesNamed() {
      return premises;
    }
  }

  /** A trading standards visit to a premises and what the officer found. */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  record TradingStandards(
      String reference,
      When observedAt,
      Where where,
      List<Indicator> indicators,
      String summary,
      Marking marking,
      Visit visit,
      Finding finding,
      PremisesEntry premises,
      List<IdentifierEntry> identifiers,
      Optional<Grading> grading)
      implements Form {

    @JsonIgnore
    @Override
    public Category category() {
      return finding.category();
    }

    @JsonIgnore
    @Override
    public Optional<PremisesEntry> premisesNamed() {
      return Optional.of(premises);
    }
  }

  /** A school's or youth mentor's safeguarding concern about one young person. */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  record Safeguarding(
      String reference,
      When observedAt,
      Where where,
      List<Indicator> indicators,
      String summary,
      Marking marking,
      Concern concern,
      YoungPerson youngPerson,
      List<IdentifierEntry> identifiers)
      implements Form {

    @JsonIgnore
    @Override
    public Category category() {
      return concern.category();
    }

    @JsonIgnore
    @Override
    public Optional<PremisesEntry> premisesNamed() {
      return Optional.empty();
    }
  }

  /** A community safety officer's report. */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  record Council(
      String reference,
      When observedAt,
      Where where,
      List<Indicator> indicators,
      String summary,
      Marking marking,
      CouncilConcern concern,
      List<Subject> subjects,
      List<IdentifierEntry> identifiers,
      Optional<PremisesEntry> premises)
      implements Form {

    @JsonIgnore
    @Override
    public Category category() {
      return concern.category();
    }

    @JsonIgnore
    @Override
    public Optional<PremisesEntry> premisesNamed() {
      return premises;
    }
  }

  /** How a trading standards officer came to see it, in the intake's terms. */
  enum Visit {
    TEST_PURCHASE,
    COMPLAINT,
    INSPECTION,
    INTELLIGENCE
  }

  /** What the officer found, and the category the intake gives it. */
  enum Finding {
    UNDER_AGE_SALE(Category.VAPE_SUPPLY_TO_MINORS),
    ILLICIT_VAPES(Category.ILLICIT_VAPES),
    NON_COMPLIANT_VAPES(Category.ILLICIT_VAPES),
    SUSPECTED_FACILITATION(Category.DRUG_DEALING),
    NO_ISSUE_FOUND(Category.VAPE_SUPPLY_TO_MINORS);

    private final Category category;

    Finding(Category category) {
      this.category = category;
    }

    Category category() {
      return category;
    }
  }

  /** What a safeguarding concern is about, in the intake's terms. */
  enum Concern {
    EXPLOITATION_CONCERN(Category.EXPLOITATION_CONCERN),
    GROOMING_TACTIC(Category.GROOMING_TACTIC),
    MISSING_EPISODE(Category.MISSING_EPISODE),
    VAPE_SUPPLY_TO_MINORS(Category.VAPE_SUPPLY_TO_MINORS);

    private final Category category;

    Concern(Category category) {
      this.category = category;
    }

    Category category() {
      return category;
    }
  }

  /** What a council report is about, in the intake's terms. */
  enum CouncilConcern {
    ANTI_SOCIAL_BEHAVIOUR(Category.ANTI_SOCIAL_BEHAVIOUR),
    CUCKOOING(Category.CUCKOOING),
    EXPLOITATION_CONCERN(Category.EXPLOITATION_CONCERN),
    DRUG_DEALING(Category.DRUG_DEALING);

    private final Category category;

    CouncilConcern(Category category) {
      this.category = category;
    }

    Category category() {
      return category;
    }
  }
}
