package uk.crossline.model.access;

import static uk.crossline.model.access.Partnership.refused;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Role;
import uk.crossline.model.location.District;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Tlp;

/**
 * Reads {@code partnership.yml} strictly: every key known, every value checked, nothing guessed.
 */
final class PartnershipFile {

  private static final List<String> KEYS =
      List.of("version", "name", "agencies", "agreements", "match-disclosure", "field-access");
  private static final List<String> AGENCY_KEYS =
      List.of("name", "type", "home-districts", "membership");
  private static final List<String> AGREEMENTS_KEYS = List.of("agency-types", "agencies");
  private static final List<String> AGREEMENT_KEYS =
      List.of("search", "alerts", "statistics", "markings", "amber-by-agency-type", "categories");
  private static final List<String> FIELD_RULE_KEYS = List.of("agency-types", "roles");
  private static final String ALL_CATEGORIES = "all";
  private static final String PREMISES_RELATED = "premises-related";

  private PartnershipFile() {}

  static Partnership read(JsonNode file) {
    knownKeys(file, "", KEYS);
    JsonNode version = required(file, "", "version");
    if (!version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() < 1) {
      throw refused("version", "a whole number from 1");
    }
    String name = text(required(file, "", "name"), "name");
    List<PartnerAgency> agencies = agencies(mapping(required(file, "", "agencies"), "agencies"));
    JsonNode agreements = mapping(required(file, "", "agreements"), "agreements");
    knownKeys(agreements, "agreements", AGREEMENTS_KEYS);
    return new Partnership(
        version.intValue(),
        name,
        agencies,
        typeAgreements(agreements),
        agencyAgreements(agreements),
        Set.copyOf(
            list(required(file, "", "match-disclosure"), "match-disclosure", PartnershipFile::tlp)),
        fieldAccess(mapping(required(file, "", "field-access"), "field-access")));
  }

  private static List<PartnerAgency> agencies(JsonNode agencies) {
    Gazetteer gazetteer = Gazetteer.bundled();
    List<PartnerAgency> result = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : agencies.properties()) {
      String key = "agencies." + entry.getKey();
      AgencyId id = agencyId(key, entry.getKey());
      JsonNode agency = mapping(entry.getValue(), key);
      knownKeys(agency, key, AGENCY_KEYS);
      List<String> districts =
          list(
              required(agency, key, "home-districts"),
              key + ".home-districts",
              (at, value) ->
                  gazetteer
                      .district(value)
                      .map(District::id)
                      .filter(value::equals)
                      .orElseThrow(
                          () -> refused(at, value + " is not a district id of the gazetteer")));
      if (districts.isEmpty()) {
        throw refused(key + ".home-districts", "required: at least one district");
      }
      result.add(
          new PartnerAgency(
              id,
              text(required(agency, key, "name"), key + ".name"),
              named(
                  required(agency, key, "type"),
                  key + ".type",
                  "an agency type",
                  AgencyType.values(),
                  Enum::name),
              districts,
              named(
                  required(agency, key, "membership"),
                  key + ".membership",
                  "a membership",
                  Membership.values(),
                  Membership::label)));
    }
    return result;
  }

  private static Map<AgencyType, Agreement> typeAgreements(JsonNode agreements) {
    Map<AgencyType, Agreement> result = new EnumMap<>(AgencyType.class);
    JsonNode byType = agreements.get("agency-types");
    if (byType != null) {
      for (Map.Entry<String, JsonNode> entry :
          mapping(byType, "agreements.agency-types").properties()) {
        String key = "agreements.agency-types." + entry.getKey();
        AgencyType type =
            named(entry.getKey(), key, "an agency type", AgencyType.values(), Enum::name);
        result.put(type, agreement(entry.getValue(), key));
      }
    }
    return result;
  }

  private static Map<AgencyId, Agreement> agencyAgreements(JsonNode agreements) {
    Map<AgencyId, Agreement> result = new LinkedHashMap<>();
    JsonNode byAgency = agreements.get("agencies");
    if (byAgency != null) {
      for (Map.Entry<String, JsonNode> entry :
          mapping(byAgency, "agreements.agencies").properties()) {
        String key = "agreements.agencies." + entry.getKey();
        result.put(agencyId(key, entry.getKey()), agreement(entry.getValue(), key));
      }
    }
    return result;
  }

  private static Agreement agreement(JsonNode node, String key) {
    JsonNode agreement = mapping(node, key);
    knownKeys(agreement, key, AGREEMENT_KEYS);
    return new Agreement(
        flag(required(agreement, key, "search"), key + ".search"),
        named(
            required(agreement, key, "alerts"),
            key + ".alerts",
            "an alert detail",
            AlertDetail.values(),
            AlertDetail::label),
        flag(required(agreement, key, "statistics"), key + ".statistics"),
        markings(required(agreement, key, "markings"), key + ".markings"),
        flag(required(agreement, key, "amber-by-agency-type"), key + ".amber-by-agency-type"),
        categories(required(agreement, key, "categories"), key + ".categories"));
  }

  private static Set<Tlp> markings(JsonNode node, String key) {
    Set<Tlp> markings = Set.copyOf(list(node, key, PartnershipFile::tlp));
    if (markings.contains(Tlp.RED)) {
      throw refused(key, "RED is seen by its originating agency only; no agreement extends it");
    }
    return markings;
  }

  private static Set<Category> categories(JsonNode node, String key) {
    if (node.isString() && node.stringValue().equals(ALL_CATEGORIES)) {
      return EnumSet.allOf(Category.class);
    }
    if (node.isString() && node.stringValue().equals(PREMISES_RELATED)) {
      return Arrays.stream(Category.values())
          .filter(Category::premisesRelated)
          .collect(Collectors.toCollection(() -> EnumSet.noneOf(Category.class)));
    }
    if (!node.isArray()) {
      throw refused(
          key,
          ALL_CATEGORIES
              + ", "
              + PREMISES_RELATED
              + " or a list of categories; categories are "
              + names(Category.values(), Enum::name));
    }
    return Set.copyOf(
        list(
            node,
            key,
            (at, value) -> named(value, at, "a category", Category.values(), Enum::name)));
  }

  private static Map<FieldGroup, FieldRule> fieldAccess(JsonNode fieldAccess) {
    Map<FieldGroup, FieldRule> result = new EnumMap<>(FieldGroup.class);
    for (Map.Entry<String, JsonNode> entry : fieldAccess.properties()) {
      String key = "field-access." + entry.getKey();
      FieldGroup group =
          named(entry.getKey(), key, "a field group", FieldGroup.values(), FieldGroup::label);
      JsonNode rule = mapping(entry.getValue(), key);
      knownKeys(rule, key, FIELD_RULE_KEYS);
      result.put(
          group,
          new FieldRule(
              Set.copyOf(
                  list(
                      required(rule, key, "agency-types"),
                      key + ".agency-types",
                      (at, value) ->
                          named(value, at, "an agency type", AgencyType.values(), Enum::name))),
              Set.copyOf(
                  list(
                      required(rule, key, "roles"),
                      key + ".roles",
                      (at, value) -> named(value, at, "a role", Role.values(), Enum::name)))));
    }
    return result;
  }

  /** A marking as TLP 2.0 writes it: {@code AMBER+STRICT}, not {@code AMBER_STRICT}. */
  private static Tlp tlp(String key, String value) {
    return named(value, key, "a TLP marking", Tlp.values(), Tlp::label);
  }

  private static AgencyId agencyId(String key, String value) {
    try {
      return AgencyId.of(value);
    } catch (IllegalArgumentException e) {
      throw refused(key, "not an agency id: lower-case words joined by hyphens");
    }
  }

  private static void knownKeys(JsonNode node, String at, List<String> keys) {
    for (String key : node.propertyNames()) {
      if (!keys.contains(key)) {
        throw refused(
            at.isEmpty() ? key : at + "." + key,
            "not a key of "
                + (at.isEmpty() ? "the partnership file" : at)
                + "; expected one of "
                + String.join(", ", keys));
      }
    }
  }

  private static JsonNode required(JsonNode node, String at, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      throw refused(at.isEmpty() ? key : at + "." + key, "required");
    }
    return value;
  }

  private static JsonNode mapping(JsonNode node, String key) {
    if (!node.isObject()) {
      throw refused(key, "a mapping of keys to values");
    }
    return node;
  }

  private static String text(JsonNode node, String key) {
    if (!node.isString() || node.stringValue().isBlank()) {
      throw refused(key, "text");
    }
    return node.stringValue().strip();
  }

  private static boolean flag(JsonNode node, String key) {
    if (!node.isBoolean()) {
      throw refused(key, "true or false");
    }
    return node.booleanValue();
  }

  /** A list of texts, each read by {@code element} (given the list's key and the text). */
  private static <T> List<T> list(
      JsonNode node, String key, BiFunction<String, String, T> element) {
    if (!node.isArray()) {
      throw refused(key, "a list, e.g. [A, B], or [] for none");
    }
    List<T> result = new ArrayList<>();
    for (JsonNode value : node.values()) {
      result.add(element.apply(key, text(value, key)));
    }
    return result;
  }

  private static <E> E named(
      JsonNode node, String key, String what, E[] values, Function<E, String> label) {
    if (!node.isString()) {
      throw refused(key, "one of " + names(values, label));
    }
    return named(node.stringValue(), key, what, values, label);
  }

  private static <E> E named(
      String value, String key, String what, E[] values, Function<E, String> label) {
    for (E candidate : values) {
      if (label.apply(candidate).equals(value)) {
        return candidate;
      }
    }
    throw refused(key, value + " is not " + what + "; expected one of " + names(values, label));
  }

  private static <E> String names(E[] values, Function<E, String> label) {
    return Arrays.stream(values).map(label).collect(Collectors.joining(", "));
  }
}
