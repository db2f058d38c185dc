package uk.crossline.portal.submit;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.crossline.model.location.Gazetteer;

/**
 * The rows of the check your answers page: each answer in words, with the page to change it. This
 * page is the person's own, so identifiers and premises appear as typed; nowhere else does.
 */
final class CheckAnswers {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  /**
   * One row.
   *
   * @param lines the answer, one line each
   * @param field the field the Change link leads to
   */
  record Row(String key, List<String> lines, Page page, String field) {

    public String changeHref() {
      return page.href() + "?change=true#" + field;
    }
  }

  private CheckAnswers() {}

  static List<Row> of(Draft d, Gazetteer gazetteer) {
    List<Row> rows = new ArrayList<>();
    rows.add(row("Your reference", d.one("reference"), Page.ABOUT, "reference"));
    if (d.isAmendment()) {
      rows.add(row("Why it is changing", d.one("amendReason"), Page.ABOUT, "amendReason"));
    }
    switch (d.kind()) {
      case POLICE -> {
        rows.add(
            row(
                "Category",
                Option.labelOf(Option.CATEGORIES, d.one("category")),
                Page.ABOUT,
                "category"));
        rows.add(row("Grading", grading(d), Page.ABOUT, "source"));
      }
      case PREMISES -> {
        rows.add(row("Visit", Option.labelOf(Option.VISITS, d.one("visit")), Page.ABOUT, "visit"));
        rows.add(
            row(
                "Finding",
                Option.labelOf(Option.FINDINGS, d.one("finding")),
                Page.ABOUT,
                "finding"));
        rows.add(new Row("Premises", premises(d), Page.ABOUT, "premisesName"));
        rows.add(
            row(
                "Grading",
                d.one("graded").equals("YES") ? grading(d) : "Not graded",
                Page.ABOUT,
                "graded"));
      }
      case SAFEGUARDING -> {
        rows.add(
            row(
                "Concern",
                Option.labelOf(Option.SAFEGUARDING_CONCERNS, d.one("concern")),
                Page.ABOUT,
                "concern"));
        List<String> young = new ArrayList<>();
        if (d.has("yearGroup")) {
          young.add("Year " + d.one("yearGroup"));
        }
        if (d.has("ageBand")) {
          young.add("Aged " + Option.labelOf(Option.AGE_BANDS, d.one("ageBand")));
        }
        rows.add(new Row("Young person", young, Page.ABOUT, "yearGroup"));
      }
      case COUNCIL ->
          rows.add(
              row(
                  "Concern",
                  Option.labelOf(Option.COUNCIL_CONCERNS, d.one("concern")),
                  Page.ABOUT,
                  "concern"));
    }
    String when =
        Questions.day(d).map(DAY::format).orElse("")
            + (d.has("observedTime") ? ", " + d.one("observedTime") : "")
            + " ("
            + Option.labelOf(Option.PRECISIONS, d.one("precision")).toLowerCase(Locale.UK)
            + ")";
    rows.add(row("When it was seen", when, Page.WHEN, "observedDay"));
    List<String> where = new ArrayList<>();
    if (d.has("postcode")) {
      where.add(d.one("postcode").toUpperCase(Locale.UK));
    }
    if (d.has("district")) {
      where.add(
          gazetteer
              .district(d.one("district"))
              .map(uk.crossline.model.location.District::name)
              .orElse(d.one("district")));
    }
    rows.add(new Row("Where it was seen", where, Page.WHEN, "postcode"));
    rows.add(
        new Row(
            "Indicators",
            d.all("indicators").isEmpty()
                ? List.of("None")
                : d.all("indicators").stream()
                    .map(i -> Option.labelOf(Option.INDICATORS, i))
                    .toList(),
            Page.DETAILS,
            "indicators"));
    rows.add(row("What was seen", d.one("summary"), Page.DETAILS, "summary"));
    List<String> identifiers = new ArrayList<>();
    for (int i = 1; i <= Page.IDENTIFIERS; i++) {
      if (d.has("identifierType" + i)) {
        identifiers.add(
            Option.labelOf(Option.IDENTIFIER_TYPES, d.one("identifierType" + i))
                + ": "
                + d.one("identifierValue" + i)
                + (d.has("dealLine" + i) ? " (deal line)" : ""));
      }
    }
    rows.add(
        new Row(
            "Identifiers",
            identifiers.isEmpty() ? List.of("None") : identifiers,
            Page.DETAILS,
            "identifierType1"));
    if (d.kind().optionalPremises()) {
      rows.add(
          new Row(
              "Premises",
              d.has("premisesName") ? premises(d) : List.of("None"),
              Page.DETAILS,
              "premisesName"));
    }
    List<String> marking = new ArrayList<>();
    marking.add("TLP:" + d.one("tlp") + (d.has("officialSensitive") ? ", OFFICIAL-SENSITIVE" : ""));
    if (d.one("tlp").equals("AMBER")) {
      d.all("amberTypes")
          .forEach(t -> marking.add("Shared with: " + Option.labelOf(Option.AGENCY_TYPES, t)));
      d.all("amberAgencies").forEach(a -> marking.add("Shared with: " + Option.agency(a).label()));
    } else if (d.one("tlp").equals("AMBER+STRICT")) {
      d.all("strictAgencies").forEach(a -> marking.add("Shared with: " + Option.agency(a).label()));
    }
    rows.add(new Row("Marking", marking, Page.MARKING, "tlp"));
    return rows;
  }

  private static Row row(String key, String value, Page page, String field) {
    return new Row(key, List.of(value), page, field);
  }

  private static String grading(Draft d) {
    String code = d.one("source") + " " + d.one("intelligence") + " " + d.one("handling");
    return d.one("handling").equals("C") ? code + ": " + d.one("conditions") : code;
  }

  private static List<String> premises(Draft d) {
    List<String> lines = new ArrayList<>();
    lines.add(d.one("premisesName"));
    lines.add(d.one("premisesAddress"));
    lines.add(d.one("premisesPostcode").toUpperCase(Locale.UK));
    if (d.has("premisesUprn")) {
      lines.add("UPRN " + d.one("premisesUprn"));
    }
    return lines;
  }
}
