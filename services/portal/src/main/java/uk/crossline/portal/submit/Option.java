package uk.crossline.portal.submit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import uk.crossline.model.AgencyType;
import uk.crossline.model.vocabulary.AgeBand;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.HandlingCode;
import uk.crossline.model.vocabulary.Indicator;
import uk.crossline.model.vocabulary.IntelligenceAssessment;
import uk.crossline.model.vocabulary.RetractionReason;
import uk.crossline.model.vocabulary.SourceEvaluation;
import uk.crossline.model.vocabulary.Tlp;

/**
 * One answer a radio or checkbox offers: the value the intake takes and the words a person reads.
 * The lists are the intake's vocabularies; the intake checks every value again.
 */
record Option(String value, String label) {

  static final List<Option> CATEGORIES = categories(Category.values());

  /** The council form's concerns (the intake's {@code CouncilReportForm.Concern}). */
  static final List<Option> COUNCIL_CONCERNS =
      categories(
          Category.ANTI_SOCIAL_BEHAVIOUR,
          Category.CUCKOOING,
          Category.EXPLOITATION_CONCERN,
          Category.DRUG_DEALING);

  /** The safeguarding form's concerns (the intake's {@code SafeguardingConcernForm.Concern}). */
  static final List<Option> SAFEGUARDING_CONCERNS =
      categories(
          Category.EXPLOITATION_CONCERN,
          Category.GROOMING_TACTIC,
          Category.MISSING_EPISODE,
          Category.VAPE_SUPPLY_TO_MINORS);

  static final List<Option> VISITS =
      List.of(
          new Option("TEST_PURCHASE", "Test purchase"),
          new Option("COMPLAINT", "Complaint"),
          new Option("INSPECTION", "Inspection"),
          new Option("INTELLIGENCE", "Intelligence"));

  static final List<Option> FINDINGS =
      List.of(
          new Option("UNDER_AGE_SALE", "Sale to a person under 18"),
          new Option("ILLICIT_VAPES", "Illicit vapes"),
          new Option("NON_COMPLIANT_VAPES", "Non-compliant vapes"),
          new Option("SUSPECTED_FACILITATION", "Suspected facilitation of organised crime"),
          new Option("NO_ISSUE_FOUND", "No issue found"));

  static final List<Option> SOURCES = sources();

  static final List<Option> ASSESSMENTS = assessments();

  static final List<Option> HANDLING = handling();

  static final List<Option> GRADED =
      List.of(new Option("YES", "Yes, grade it 3x5x2"), new Option("NO", "No, leave it ungraded"));

  static final List<Option> YEAR_GROUPS = yearGroups();

  static final List<Option> AGE_BANDS =
      List.of(
          new Option(AgeBand.UNDER_10.name(), "Under 10"),
          new Option(AgeBand.AGE_10_TO_13.name(), "10 to 13"),
          new Option(AgeBand.AGE_14_TO_15.name(), "14 to 15"),
          new Option(AgeBand.AGE_16_TO_17.name(), "16 to 17"),
          new Option(AgeBand.AGE_18_TO_24.name(), "18 to 24"));

  static final List<Option> PRECISIONS =
      List.of(
          new Option("EXACT", "At the time given"),
          new Option("DAY", "On that day"),
          new Option("WEEK", "In the week of that day"),
          new Option("MONTH", "In the month of that day"));

  static final List<Option> INDICATORS = indicators();

  static final List<Option> IDENTIFIER_TYPES =
      List.of(
          new Option("PHONE", "Phone number"),
          new Option("VEHICLE", "Vehicle registration"),
          new Option("SOCIAL_MEDIA", "Social media handle"),
          new Option("EMAIL", "Email address"));

  static final List<Option> TLPS =
      List.of(
          new Option(Tlp.CLEAR.label(), "TLP:CLEAR - may be published, for example in statistics"),
          new Option(Tlp.GREEN.label(), "TLP:GREEN - every agency in the partnership"),
          new Option(Tlp.AMBER.label(), "TLP:AMBER - the agencies and types of agency you choose"),
          new Option(Tlp.AMBER_STRICT.label(), "TLP:AMBER+STRICT - only the agencies you name"),
          new Option(Tlp.RED.label(), "TLP:RED - your agency only"));

  static final List<Option> AGENCY_TYPES = agencyTypes();

  static final List<Option> RETRACTION_REASONS =
      List.of(
          new Option(RetractionReason.ENTERED_IN_ERROR.name(), "Entered in error"),
          new Option(RetractionReason.DUPLICATE.name(), "A duplicate of another report"),
          new Option(RetractionReason.INACCURATE.name(), "Found to be inaccurate"),
          new Option(RetractionReason.SOURCE_WITHDRAWN.name(), "The source withdrew it"),
          new Option(RetractionReason.NO_LONGER_RELEVANT.name(), "No longer relevant"));

  /** Every list, by the name the pages use. */
  static final java.util.Map<String, List<Option>> ALL =
      java.util.Map.ofEntries(
          java.util.Map.entry("categories", CATEGORIES),
          java.util.Map.entry("councilConcerns", COUNCIL_CONCERNS),
          java.util.Map.entry("safeguardingConcerns", SAFEGUARDING_CONCERNS),
          java.util.Map.entry("visits", VISITS),
          java.util.Map.entry("findings", FINDINGS),
          java.util.Map.entry("sources", SOURCES),
          java.util.Map.entry("assessments", ASSESSMENTS),
          java.util.Map.entry("handling", HANDLING),
          java.util.Map.entry("graded", GRADED),
          java.util.Map.entry("yearGroups", YEAR_GROUPS),
          java.util.Map.entry("ageBands", AGE_BANDS),
          java.util.Map.entry("precisions", PRECISIONS),
          java.util.Map.entry("indicators", INDICATORS),
          java.util.Map.entry("identifierTypes", IDENTIFIER_TYPES),
          java.util.Map.entry("tlps", TLPS),
          java.util.Map.entry("agencyTypes", AGENCY_TYPES),
          java.util.Map.entry("retractionReasons", RETRACTION_REASONS),
          java.util.Map.entry(
              "changeActions",
              List.of(new Option("amend", "Amend it"), new Option("retract", "Retract it"))));

  /** The words for a value in the list, or the value itself when the list does not have it. */
  static String labelOf(List<Option> options, String value) {
    return find(options, value).map(Option::label).orElse(value);
  }

  static Optional<Option> find(List<Option> options, String value) {
    return options.stream().filter(o -> o.value().equals(value)).findFirst();
  }

  static boolean offers(List<Option> options, String value) {
    return find(options, value).isPresent();
  }

  /** An agency id as words (west-mercia-police: "West mercia police"). */
  static Option agency(String id) {
    String words = id.replace('-', ' ');
    return new Option(id, Character.toUpperCase(words.charAt(0)) + words.substring(1));
  }

  private static List<Option> categories(Category... categories) {
    List<Option> options = new ArrayList<>();
    for (Category category : categories) {
      options.add(new Option(category.name(), category.label()));
    }
    return List.copyOf(options);
  }

  private static List<Option> sources() {
    List<Option> options = new ArrayList<>();
    for (SourceEvaluation source : SourceEvaluation.values()) {
      options.add(new Option(source.code(), source.code() + " - " + source.label()));
    }
    return List.copyOf(options);
  }

  private static List<Option> assessments() {
    List<Option> options = new ArrayList<>();
    for (IntelligenceAssessment assessment : IntelligenceAssessment.values()) {
      options.add(new Option(assessment.name(), assessment.name() + " - " + assessment.label()));
    }
    return List.copyOf(options);
  }

  private static List<Option> handling() {
    List<Option> options = new ArrayList<>();
    for (HandlingCode code : HandlingCode.values()) {
      options.add(new Option(code.name(), code.name() + " - " + code.label()));
    }
    return List.copyOf(options);
  }

  private static List<Option> yearGroups() {
    List<Option> options = new ArrayList<>();
    for (int year = 1; year <= 13; year++) {
      options.add(new Option(String.valueOf(year), "Year " + year));
    }
    return List.copyOf(options);
  }

  private static List<Option> indicators() {
    List<Option> options = new ArrayList<>();
    for (Indicator indicator : Indicator.values()) {
      options.add(new Option(indicator.name(), indicator.label()));
    }
    return List.copyOf(options);
  }

  private static List<Option> agencyTypes() {
    List<Option> options = new ArrayList<>();
    for (AgencyType type : AgencyType.values()) {
      String words = type.name().replace('_', ' ').toLowerCase(Locale.ROOT);
      options.add(
          new Option(type.name(), Character.toUpperCase(words.charAt(0)) + words.substring(1)));
    }
    return List.copyOf(options);
  }
}
