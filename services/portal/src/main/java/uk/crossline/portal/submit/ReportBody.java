package uk.crossline.portal.submit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The intake's JSON for a draft (its form for the agency type), and the other way round: the
 * answers the hub still holds of a report, to start an amendment from.
 */
final class ReportBody {

  /** Indicators the intake adds itself from a trading standards finding. */
  private static final Set<String> FROM_FINDING = Set.of("UNDER_AGE_SALE", "NON_COMPLIANT_PRODUCT");

  private ReportBody() {}

  static Map<String, Object> of(Draft d) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reference", d.one("reference"));
    body.put("observedAt", Map.of("at", Questions.observedAt(d), "precision", d.one("precision")));
    Map<String, Object> where = new LinkedHashMap<>();
    if (d.has("postcode")) {
      where.put("postcode", d.one("postcode"));
    }
    if (d.has("district")) {
      where.put("district", d.one("district"));
    }
    body.put("where", where);
    body.put("indicators", d.all("indicators"));
    body.put("summary", d.one("summary"));
    body.put("marking", marking(d));
    switch (d.kind()) {
      case POLICE -> {
        body.put("category", d.one("category"));
        body.put("grading", grading(d));
        body.put("identifiers", identifiers(d, true));
        premises(d).ifPresent(p -> body.put("premises", p));
      }
      case PREMISES -> {
        body.put("visit", d.one("visit"));
        body.put("finding", d.one("finding"));
        body.put("premises", premises(d).orElseGet(Map::of));
        body.put("identifiers", identifiers(d, false));
        if (d.one("graded").equals("YES")) {
          body.put("grading", grading(d));
        }
      }
      case SAFEGUARDING -> {
        body.put("concern", d.one("concern"));
        Map<String, Object> young = new LinkedHashMap<>();
        if (d.has("yearGroup")) {
          young.put("yearGroup", Integer.parseInt(d.one("yearGroup")));
        }
        if (d.has("ageBand")) {
          young.put("ageBand", d.one("ageBand"));
        }
        body.put("youngPerson", young);
        body.put("identifiers", identifiers(d, false));
      }
      case COUNCIL -> {
        body.put("concern", d.one("concern"));
        body.put("identifiers", identifiers(d, false));
        premises(d).ifPresent(p -> body.put("premises", p));
      }
    }
    return body;
  }

  private static Map<String, Object> marking(Draft d) {
    Map<String, Object> marking = new LinkedHashMap<>();
    String tlp = d.one("tlp");
    marking.put("tlp", tlp);
    marking.put("officialSensitive", d.has("officialSensitive"));
    if (tlp.equals("AMBER")) {
      marking.put("shareWithAgencies", d.all("amberAgencies"));
      marking.put("shareWithAgencyTypes", d.all("amberTypes"));
    } else if (tlp.equals("AMBER+STRICT")) {
      marking.put("shareWithAgencies", d.all("strictAgencies"));
    }
    return marking;
  }

  private static Map<String, Object> grading(Draft d) {
    Map<String, Object> grading = new LinkedHashMap<>();
    grading.put("source", d.one("source"));
    grading.put("intelligence", d.one("intelligence"));
    grading.put("handling", d.one("handling"));
    if (d.one("handling").equals("C")) {
      grading.put("conditions", d.one("conditions"));
    }
    return grading;
  }

  private static List<Map<String, Object>> identifiers(Draft d, boolean dealLines) {
    List<Map<String, Object>> identifiers = new ArrayList<>();
    for (int i = 1; i <= Page.IDENTIFIERS; i++) {
      if (d.has("identifierType" + i) && d.has("identifierValue" + i)) {
        Map<String, Object> identifier = new LinkedHashMap<>();
        identifier.put("type", d.one("identifierType" + i));
        identifier.put("value", d.one("identifierValue" + i));
        if (dealLines && d.one("identifierType" + i).equals("PHONE")) {
          identifier.put("dealLine", d.has("dealLine" + i));
        }
        identifiers.add(identifier);
      }
    }
    return identifiers;
  }

  private static java.util.Optional<Map<String, Object>> premises(Draft d) {
    if (!d.has("premisesName")) {
      return java.util.Optional.empty();
    }
    Map<String, Object> premises = new LinkedHashMap<>();
    premises.put("name", d.one("premisesName"));
    premises.put("address", d.one("premisesAddress"));
    premises.put("postcode", d.one("premisesPostcode"));
    if (d.has("premisesUprn")) {
      premises.put("uprn", d.one("premisesUprn"));
    }
    return java.util.Optional.of(premises);
  }

  /**
   * The answers the hub holds of a report (as the search API shows it to its originator), for an
   * amendment. Never the reference (kept only as a keyed hash), identifiers or names (kept only as
   * tokens): the person enters them again. The summary is the redacted one the hub keeps.
   */
  static Map<String, List<String>> answersOf(FormKind kind, JsonNode event) {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    String category = event.path("category").asString("");
    switch (kind) {
      case POLICE -> put(answers, "category", category);
      case COUNCIL, SAFEGUARDING -> {
        List<Option> concerns =
            kind == FormKind.COUNCIL ? Option.COUNCIL_CONCERNS : Option.SAFEGUARDING_CONCERNS;
        if (Option.offers(concerns, category)) {
          put(answers, "concern", category);
        }
      }
      case PREMISES -> {
        // The finding cannot be told from the category alone (illicit or non-compliant); asked
        // again.
      }
    }
    JsonNode grading = event.path("grading");
    if (grading.hasNonNull("source")) {
      put(answers, "graded", "YES");
      put(answers, "source", grading.path("source").asString(""));
      put(answers, "intelligence", grading.path("intelligence").asString(""));
      put(answers, "handling", grading.path("handling").asString(""));
      put(answers, "conditions", grading.path("conditions").asString(""));
    } else if (grading.has("graded") && !grading.path("graded").asBoolean(true)) {
      put(answers, "graded", "NO");
    }
    for (JsonNode subject : event.path("subjects")) {
      if ("YOUNG_PERSON".equals(subject.path("role").asString(""))
          && Option.offers(Option.AGE_BANDS, subject.path("ageBand").asString(""))) {
        put(answers, "ageBand", subject.path("ageBand").asString());
      }
    }
    JsonNode premises = event.path("premises");
    if (premises.isObject()) {
      put(answers, "premisesName", premises.path("name").asString(""));
      put(answers, "premisesAddress", premises.path("address").asString(""));
      put(answers, "premisesPostcode", premises.path("postcode").asString(""));
      put(answers, "premisesUprn", premises.path("uprn").asString(""));
    }
    String at = event.path("observedAt").asString("");
    if (!at.isEmpty()) {
      LocalDateTime local = LocalDateTime.ofInstant(Instant.parse(at), Questions.UK);
      put(answers, "observedDay", String.valueOf(local.getDayOfMonth()));
      put(answers, "observedMonth", String.valueOf(local.getMonthValue()));
      put(answers, "observedYear", String.valueOf(local.getYear()));
      String precision = event.path("observedAtPrecision").asString("");
      put(answers, "precision", precision);
      if (precision.equals("EXACT")) {
        put(answers, "observedTime", "%02d:%02d".formatted(local.getHour(), local.getMinute()));
      }
    }
    put(answers, "postcode", event.at("/location/outwardPostcode").asString(""));
    put(answers, "district", event.at("/location/district").asString(""));
    List<String> indicators = new ArrayList<>();
    event
        .path("indicators")
        .forEach(
            i -> {
              if (kind != FormKind.PREMISES || !FROM_FINDING.contains(i.asString())) {
                indicators.add(i.asString());
              }
            });
    if (!indicators.isEmpty()) {
      answers.put("indicators", List.copyOf(indicators));
    }
    put(answers, "summary", event.path("summary").asString(""));
    String tlp = event.at("/marking/tlp").asString("");
    put(answers, "tlp", tlp.equals("AMBER_STRICT") ? "AMBER+STRICT" : tlp);
    if (event.at("/marking/sensitive").asBoolean(false)) {
      put(answers, "officialSensitive", "true");
    }
    List<String> agencies = new ArrayList<>();
    event.at("/scope/agencies").forEach(a -> agencies.add(a.asString()));
    List<String> types = new ArrayList<>();
    event.at("/scope/agencyTypes").forEach(t -> types.add(t.asString()));
    if (!agencies.isEmpty()) {
      answers.put(tlp.equals("AMBER") ? "amberAgencies" : "strictAgencies", List.copyOf(agencies));
    }
    if (!types.isEmpty()) {
      answers.put("amberTypes", List.copyOf(types));
    }
    return answers;
  }

  private static void put(Map<String, List<String>> answers, String field, String value) {
    if (value != null && !value.isBlank()) {
      answers.put(field, List.of(value));
    }
  }
}
