package uk.crossline.portal.submit;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.crossline.portal.hub.HubProblem;

/**
 * What each question page requires before the person may go on (the intake checks everything
 * again), and where a refusal of the intake belongs on the pages. Messages follow the GOV.UK error
 * message style: say what to do, not what went wrong.
 */
final class Questions {

  static final ZoneId UK = ZoneId.of("Europe/London");
  private static final Pattern REFERENCE = Pattern.compile("[\\p{Alnum}][\\p{Alnum}/_.:-]*");
  private static final Pattern POSTCODE = Pattern.compile("[A-Za-z0-9 ]{2,10}");
  private static final Pattern TIME = Pattern.compile("([01]?[0-9]|2[0-3])[:.]([0-5][0-9])");
  private static final Pattern UPRN = Pattern.compile("[0-9]{1,12}");

  private Questions() {}

  /** What is missing or wrong on this page, by field id, in the page's order. */
  static Map<String, String> problems(Page page, Draft draft) {
    Map<String, String> problems = new LinkedHashMap<>();
    switch (page) {
      case ABOUT -> about(draft, problems);
      case WHEN -> when(draft, problems);
      case DETAILS -> details(draft, problems);
      case MARKING -> marking(draft, problems);
    }
    return problems;
  }

  private static void about(Draft d, Map<String, String> problems) {
    String reference = d.one("reference");
    if (reference.isEmpty()) {
      problems.put("reference", "Enter your agency's own reference for this report");
    } else if (reference.length() > 100 || !REFERENCE.matcher(reference).matches()) {
      problems.put(
          "reference",
          "Reference must be 100 characters or fewer, with only letters, numbers and / _ . : -");
    }
    if (d.isAmendment() && d.one("amendReason").isEmpty()) {
      problems.put("amendReason", "Enter why the report is changing");
    } else if (d.one("amendReason").length() > 1000) {
      problems.put("amendReason", "Reason must be 1000 characters or fewer");
    }
    switch (d.kind()) {
      case POLICE -> {
        required(d, "category", Option.CATEGORIES, "Select what the report is about", problems);
        grading(d, problems);
      }
      case PREMISES -> {
        required(d, "visit", Option.VISITS, "Select how you came to see it", problems);
        required(d, "finding", Option.FINDINGS, "Select what you found", problems);
        premises(d, true, problems);
        if (d.one("graded").isEmpty()) {
          problems.put("graded", "Select whether you grade this report");
        } else if (d.one("graded").equals("YES")) {
          grading(d, problems);
        }
      }
      case SAFEGUARDING -> {
        required(
            d, "concern", Option.SAFEGUARDING_CONCERNS, "Select what the concern is", problems);
        if (d.one("yearGroup").isEmpty() && d.one("ageBand").isEmpty()) {
          problems.put("yearGroup", "Select the young person's year group or age band");
        }
        if (d.has("yearGroup") && !Option.offers(Option.YEAR_GROUPS, d.one("yearGroup"))) {
          problems.put("yearGroup", "Select a year group from 1 to 13");
        }
      }
      case COUNCIL ->
          required(
              d, "concern", Option.COUNCIL_CONCERNS, "Select what the report is about", problems);
    }
  }

  private static void grading(Draft d, Map<String, String> problems) {
    required(d, "source", Option.SOURCES, "Select the source evaluation (1, 2 or 3)", problems);
    required(
        d,
        "intelligence",
        Option.ASSESSMENTS,
        "Select the intelligence assessment (A to E)",
        problems);
    required(d, "handling", Option.HANDLING, "Select the handling code (P or C)", problems);
    if (d.one("handling").equals("C") && d.one("conditions").isEmpty()) {
      problems.put("conditions", "Enter the conditions of sharing for handling code C");
    } else if (d.one("conditions").length() > 1000) {
      problems.put("conditions", "Conditions must be 1000 characters or fewer");
    }
  }

  private static void premises(Draft d, boolean required, Map<String, String> problems) {
    boolean any = Page.PREMISES.stream().anyMatch(d::has);
    if (!required && !any) {
      return;
    }
    if (d.one("premisesName").isEmpty()) {
      problems.put("premisesName", "Enter the name of the premises");
    } else if (d.one("premisesName").length() > 200) {
      problems.put("premisesName", "Name must be 200 characters or fewer");
    }
    if (d.one("premisesAddress").isEmpty()) {
      problems.put("premisesAddress", "Enter the address of the premises");
    } else if (d.one("premisesAddress").length() > 300) {
      problems.put("premisesAddress", "Address must be 300 characters or fewer");
    }
    if (d.one("premisesPostcode").isEmpty()) {
      problems.put("premisesPostcode", "Enter the postcode of the premises");
    } else if (!POSTCODE.matcher(d.one("premisesPostcode")).matches()) {
      problems.put("premisesPostcode", "Enter a postcode, like B97 4AB");
    }
    if (d.has("premisesUprn") && !UPRN.matcher(d.one("premisesUprn")).matches()) {
      problems.put("premisesUprn", "UPRN must be a number of up to 12 digits");
    }
  }

  private static void when(Draft d, Map<String, String> problems) {
    Optional<LocalDate> day = day(d);
    if (d.one("observedDay").isEmpty()
        && d.one("observedMonth").isEmpty()
        && d.one("observedYear").isEmpty()) {
      problems.put("observedDay", "Enter the date it was seen");
    } else if (day.isEmpty()) {
      problems.put("observedDay", "Date it was seen must be a real date, like 20 11 2026");
    } else if (day.get().isAfter(LocalDate.now(UK))) {
      problems.put("observedDay", "Date it was seen must be today or in the past");
    }
    if (d.has("observedTime") && !TIME.matcher(d.one("observedTime")).matches()) {
      problems.put("observedTime", "Enter the time as hours and minutes, like 21:30");
    }
    if (!Option.offers(Option.PRECISIONS, d.one("precision"))) {
      problems.put("precision", "Select how exact the date is");
    } else if (d.one("precision").equals("EXACT") && d.one("observedTime").isEmpty()) {
      problems.put("observedTime", "Enter the time, or select a less exact answer");
    }
    if (d.one("postcode").isEmpty() && d.one("district").isEmpty()) {
      problems.put("postcode", "Enter a postcode or select a district");
    } else if (d.has("postcode") && !POSTCODE.matcher(d.one("postcode")).matches()) {
      problems.put("postcode", "Enter a postcode, like B97 4AB or B97");
    }
  }

  private static void details(Draft d, Map<String, String> problems) {
    if (d.one("summary").isEmpty()) {
      problems.put("summary", "Enter what was seen");
    } else if (d.one("summary").length() > 4000) {
      problems.put("summary", "What was seen must be 4000 characters or fewer");
    }
    for (int i = 1; i <= Page.IDENTIFIERS; i++) {
      boolean type = d.has("identifierType" + i);
      String value = d.one("identifierValue" + i);
      if (type && value.isEmpty()) {
        problems.put("identifierValue" + i, "Enter the identifier, or choose no type");
      } else if (!type && !value.isEmpty()) {
        problems.put("identifierType" + i, "Select what kind of identifier it is");
      } else if (value.length() > 200) {
        problems.put("identifierValue" + i, "Identifier must be 200 characters or fewer");
      }
    }
    if (d.kind().optionalPremises()) {
      premises(d, false, problems);
    }
  }

  private static void marking(Draft d, Map<String, String> problems) {
    String tlp = d.one("tlp");
    if (!Option.offers(Option.TLPS, tlp)) {
      problems.put("tlp", "Select who may see the report");
    } else if (tlp.equals("AMBER")
        && d.all("amberTypes").isEmpty()
        && d.all("amberAgencies").isEmpty()) {
      problems.put("amberTypes", "Select the types of agency or the agencies who may see it");
    } else if (tlp.equals("AMBER+STRICT") && d.all("strictAgencies").isEmpty()) {
      problems.put("strictAgencies", "Select the agencies who may see it");
    }
  }

  private static void required(
      Draft d, String field, List<Option> options, String message, Map<String, String> problems) {
    if (!Option.offers(options, d.one(field))) {
      problems.put(field, message);
    }
  }

  static Optional<LocalDate> day(Draft d) {
    try {
      return Optional.of(
          LocalDate.of(
              Integer.parseInt(d.one("observedYear")),
              Integer.parseInt(d.one("observedMonth")),
              Integer.parseInt(d.one("observedDay"))));
    } catch (NumberFormatException | DateTimeException e) {
      return Optional.empty();
    }
  }

  /** When it was seen, as the instant the intake takes (midnight UK time without a time). */
  static String observedAt(Draft d) {
    var matcher = TIME.matcher(d.one("observedTime"));
    LocalTime time =
        matcher.matches()
            ? LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)))
            : LocalTime.MIDNIGHT;
    return day(d).map(day -> ZonedDateTime.of(day, time, UK).toInstant().toString()).orElse("");
  }

  /** A refusal of the intake's, placed on the page and at the field it concerns. */
  record Refusal(Page page, String field, String message) {

    /** The address of the field's page, at the field, for the error summary. */
    public String href() {
      return page == null ? null : page.href() + "?change=true#" + field;
    }
  }

  /** The intake's refusals, each on the page and field of the form it concerns. */
  static List<Refusal> refusals(HubProblem problem, Draft d) {
    return problem.errors().stream().map(error -> refusal(error, d)).toList();
  }

  private static Refusal refusal(HubProblem.FieldError error, Draft d) {
    String api = error.field();
    String reason = error.reason();
    Page premisesPage = d.kind() == FormKind.PREMISES ? Page.ABOUT : Page.DETAILS;
    String head = api.contains(".") ? api.substring(0, api.indexOf('.')) : api;
    if (head.contains("[")) {
      head = head.substring(0, head.indexOf('['));
    }
    return switch (head) {
      case "reference" -> new Refusal(Page.ABOUT, "reference", "Reference: " + reason);
      case "reason" -> new Refusal(Page.ABOUT, "amendReason", "Why it is changing: " + reason);
      case "category", "concern", "visit", "finding" ->
          new Refusal(Page.ABOUT, head, "What it is about: " + reason);
      case "grading" -> new Refusal(Page.ABOUT, gradingField(api), "Grading: " + reason);
      case "youngPerson" ->
          new Refusal(
              Page.ABOUT,
              api.endsWith("ageBand") ? "ageBand" : "yearGroup",
              "Young person: " + reason);
      case "observedAt" -> new Refusal(Page.WHEN, "observedDay", "When it was seen: " + reason);
      case "where" ->
          new Refusal(
              Page.WHEN,
              api.endsWith("district") ? "district" : "postcode",
              "Where it was seen: " + reason);
      case "indicators" -> new Refusal(Page.DETAILS, "indicators", "Indicators: " + reason);
      case "summary" -> new Refusal(Page.DETAILS, "summary", "What was seen: " + reason);
      case "identifiers" ->
          new Refusal(Page.DETAILS, "identifierValue" + (index(api) + 1), "Identifier: " + reason);
      case "premises" -> new Refusal(premisesPage, premisesField(api), "Premises: " + reason);
      case "marking" ->
          new Refusal(
              Page.MARKING,
              api.contains("shareWithAgencyTypes")
                  ? "amberTypes"
                  : api.contains("shareWithAgencies")
                      ? (d.one("tlp").equals("AMBER+STRICT") ? "strictAgencies" : "amberAgencies")
                      : "tlp",
              "Marking: " + reason);
      default -> new Refusal(null, api, api.isEmpty() ? reason : api + ": " + reason);
    };
  }

  private static String gradingField(String api) {
    for (String field : Page.GRADING) {
      if (api.endsWith("." + field)) {
        return field;
      }
    }
    return "source";
  }

  private static String premisesField(String api) {
    String last = api.substring(api.lastIndexOf('.') + 1);
    return switch (last) {
      case "address" -> "premisesAddress";
      case "postcode" -> "premisesPostcode";
      case "uprn" -> "premisesUprn";
      default -> "premisesName";
    };
  }

  private static int index(String api) {
    int open = api.indexOf('[');
    int close = api.indexOf(']');
    try {
      return open < 0 || close < open ? 0 : Integer.parseInt(api.substring(open + 1, close));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
