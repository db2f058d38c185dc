package uk.crossline.portal.submit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The question pages of a report, in order, and the answers each one asks for. Four pages: what the
 * report is about, when and where, what was seen, and who may see it.
 */
enum Page {
  ABOUT("about", "About the report"),
  WHEN("when", "When and where"),
  DETAILS("details", "What was seen"),
  MARKING("marking", "Who may see it");

  /** Identifier rows the details page offers. */
  static final int IDENTIFIERS = 3;

  static final List<String> PREMISES =
      List.of("premisesName", "premisesAddress", "premisesPostcode", "premisesUprn");
  static final List<String> GRADING = List.of("source", "intelligence", "handling", "conditions");

  private final String slug;
  private final String title;

  Page(String slug, String title) {
    this.slug = slug;
    this.title = title;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public String href() {
    return "/submit/" + slug;
  }

  static Optional<Page> of(String slug) {
    for (Page page : values()) {
      if (page.slug.equals(slug)) {
        return Optional.of(page);
      }
    }
    return Optional.empty();
  }

  Optional<Page> next() {
    return ordinal() + 1 < values().length
        ? Optional.of(values()[ordinal() + 1])
        : Optional.empty();
  }

  /** The answers this page asks for, by their field names on the page. */
  List<String> fields(FormKind kind, boolean amending) {
    List<String> fields = new ArrayList<>();
    switch (this) {
      case ABOUT -> {
        fields.add("reference");
        if (amending) {
          fields.add("amendReason");
        }
        switch (kind) {
          case POLICE -> {
            fields.add("category");
            fields.addAll(GRADING);
          }
          case PREMISES -> {
            fields.addAll(List.of("visit", "finding"));
            fields.addAll(PREMISES);
            fields.add("graded");
            fields.addAll(GRADING);
          }
          case SAFEGUARDING -> fields.addAll(List.of("concern", "yearGroup", "ageBand"));
          case COUNCIL -> fields.add("concern");
        }
      }
      case WHEN ->
          fields.addAll(
              List.of(
                  "observedDay",
                  "observedMonth",
                  "observedYear",
                  "observedTime",
                  "precision",
                  "postcode",
                  "district"));
      case DETAILS -> {
        fields.addAll(List.of("indicators", "summary"));
        for (int i = 1; i <= IDENTIFIERS; i++) {
          fields.addAll(List.of("identifierType" + i, "identifierValue" + i));
          if (kind == FormKind.POLICE) {
            fields.add("dealLine" + i);
          }
        }
        if (kind.optionalPremises()) {
          fields.addAll(PREMISES);
        }
      }
      case MARKING ->
          fields.addAll(
              List.of("tlp", "officialSensitive", "amberTypes", "amberAgencies", "strictAgencies"));
    }
    return fields;
  }
}
