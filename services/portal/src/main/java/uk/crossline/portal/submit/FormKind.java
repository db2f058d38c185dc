package uk.crossline.portal.submit;

import java.util.ArrayList;
import java.util.List;
import uk.crossline.model.AgencyType;

/** The intake's form for each agency type: where it is and what it is called on the pages. */
enum FormKind {
  POLICE("/api/v1/police/reports", "Intelligence report", "an intelligence report"),
  PREMISES("/api/v1/trading-standards/reports", "Premises report", "a premises report"),
  SAFEGUARDING("/api/v1/safeguarding/concerns", "Safeguarding concern", "a safeguarding concern"),
  COUNCIL("/api/v1/council/reports", "Council report", "a council report");

  private static final List<String> SHARED =
      List.of(
          "reference",
          "observedAt.at",
          "observedAt.precision",
          "where.postcode",
          "where.district",
          "indicators",
          "summary",
          "marking.tlp",
          "marking.officialSensitive",
          "marking.shareWithAgencies",
          "marking.shareWithAgencyTypes");
  private static final List<String> PREMISES_COLUMNS =
      List.of("premises.name", "premises.address", "premises.postcode", "premises.uprn");
  private static final List<String> GRADING_COLUMNS =
      List.of("grading.source", "grading.intelligence", "grading.handling", "grading.conditions");

  private final String path;
  private final String title;
  private final String withArticle;

  FormKind(String path, String title, String withArticle) {
    this.path = path;
    this.title = title;
    this.withArticle = withArticle;
  }

  static FormKind of(AgencyType type) {
    return switch (type) {
      case POLICE -> POLICE;
      case TRADING_STANDARDS -> PREMISES;
      case EDUCATION, YOUTH_SERVICES -> SAFEGUARDING;
      case LOCAL_AUTHORITY -> COUNCIL;
    };
  }

  /** The intake's path of this form (bulk uploads at {@code path + "/bulk"}). */
  String path() {
    return path;
  }

  public String title() {
    return title;
  }

  /** "a premises report", for sentences. */
  public String withArticle() {
    return withArticle;
  }

  public boolean graded() {
    return this == POLICE || this == PREMISES;
  }

  /** The form has an optional business premises (trading standards' is required, on its own). */
  public boolean optionalPremises() {
    return this == POLICE || this == COUNCIL;
  }

  /** The header row of a CSV upload of this form, the columns the intake reads. */
  List<String> csvColumns() {
    List<String> columns = new ArrayList<>(SHARED);
    switch (this) {
      case POLICE -> {
        columns.add("category");
        columns.addAll(GRADING_COLUMNS);
        columns.add("subjects");
        columns.add("identifiers");
        columns.addAll(PREMISES_COLUMNS);
      }
      case PREMISES -> {
        columns.add("visit");
        columns.add("finding");
        columns.addAll(PREMISES_COLUMNS);
        columns.add("identifiers");
        columns.addAll(GRADING_COLUMNS);
      }
      case SAFEGUARDING -> {
        columns.add("concern");
        columns.add("youngPerson.yearGroup");
        columns.add("youngPerson.ageBand");
        columns.add("identifiers");
      }
      case COUNCIL -> {
        columns.add("concern");
        columns.add("subjects");
        columns.add("identifiers");
        columns.addAll(PREMISES_COLUMNS);
      }
    }
    return columns;
  }
}
