package uk.crossline.search.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.util.MultiValueMap;
import uk.crossline.kit.problem.FieldProblem;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.AgencyType;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Indicator;
import uk.crossline.model.vocabulary.Priority;

/**
 * What a caller asks of search, read strictly from the query string: an unknown parameter, an
 * unknown vocabulary word or a bad date is refused naming the parameter. The free text is matched
 * as words, never parsed as query syntax.
 *
 * @param purpose why the caller searches, for the audit log (required)
 * @param filters document field to the values any of which it must have
 */
public record SearchCriteria(
    String purpose,
    Optional<String> text,
    Map<String, List<String>> filters,
    Optional<LocalDate> from,
    Optional<LocalDate> to,
    int size,
    Optional<String> after) {

  static final int MAX_SIZE = 100;
  static final int MAX_TEXT = 200;

  private static final Set<String> PARAMETERS =
      Set.of(
          "purpose",
          "q",
          "category",
          "indicator",
          "priority",
          "district",
          "ward",
          "outward",
          "agencyType",
          "from",
          "to",
          "size",
          "after");

  /** The filter parameters and the document field each one filters. */
  private static final Map<String, String> FILTER_FIELDS =
      Map.of(
          "category", "category",
          "indicator", "indicators",
          "priority", "priority",
          "district", "location.district",
          "ward", "location.ward",
          "outward", "location.outwardPostcode",
          "agencyType", "agency.type");

  static SearchCriteria read(MultiValueMap<String, String> parameters) {
    List<FieldProblem> problems = new ArrayList<>();
    for (String name : parameters.keySet()) {
      if (!PARAMETERS.contains(name)) {
        problems.add(
            new FieldProblem(name, "not a search parameter; use one of " + sorted(PARAMETERS)));
      }
    }
    String purpose = single(parameters, "purpose").map(String::strip).orElse("");
    if (purpose.length() < 5) {
      problems.add(
          new FieldProblem(
              "purpose", "say why you search (at least 5 characters): it goes in the access log"));
    } else if (purpose.length() > 500) {
      problems.add(new FieldProblem("purpose", "at most 500 characters"));
    }
    Optional<String> text = single(parameters, "q").map(String::strip).filter(q -> !q.isEmpty());
    if (text.isPresent() && text.get().length() > MAX_TEXT) {
      problems.add(new FieldProblem("q", "at most " + MAX_TEXT + " characters"));
    }
    Map<String, List<String>> filters = new LinkedHashMap<>();
    vocabulary(parameters, "category", Category.class, Category::name, filters, problems);
    vocabulary(parameters, "indicator", Indicator.class, Indicator::name, filters, problems);
    vocabulary(parameters, "priority", Priority.class, Priority::name, filters, problems);
    vocabulary(parameters, "agencyType", AgencyType.class, AgencyType::name, filters, problems);
    words(parameters, "district", filters);
    words(parameters, "ward", filters);
    words(parameters, "outward", filters);
    Optional<LocalDate> from = date(parameters, "from", problems);
    Optional<LocalDate> to = date(parameters, "to", problems);
    if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
      problems.add(new FieldProblem("to", "is before from"));
    }
    int size = 20;
    Optional<String> sizeText = single(parameters, "size");
    if (sizeText.isPresent()) {
      try {
        size = Integer.parseInt(sizeText.get());
        if (size < 1 || size > MAX_SIZE) {
          problems.add(new FieldProblem("size", "between 1 and " + MAX_SIZE));
        }
      } catch (NumberFormatException e) {
        problems.add(new FieldProblem("size", "a whole number"));
      }
    }
    if (!problems.isEmpty()) {
      throw ProblemException.invalid(problems);
    }
    return new SearchCriteria(purpose, text, filters, from, to, size, single(parameters, "after"));
  }

  private static <E extends Enum<E>> void vocabulary(
      MultiValueMap<String, String> parameters,
      String name,
      Class<E> type,
      Function<E, String> value,
      Map<String, List<String>> filters,
      List<FieldProblem> problems) {
    List<String> given = values(parameters, name);
    if (given.isEmpty()) {
      return;
    }
    List<String> accepted = new ArrayList<>();
    for (String word : given) {
      try {
        accepted.add(value.apply(Enum.valueOf(type, word.strip())));
      } catch (IllegalArgumentException e) {
        problems.add(
            new FieldProblem(name, "not a known value; expected one of " + sorted(names(type))));
      }
    }
    filters.put(FILTER_FIELDS.get(name), accepted);
  }

  private static void words(
      MultiValueMap<String, String> parameters, String name, Map<String, List<String>> filters) {
    List<String> given = values(parameters, name);
    if (!given.isEmpty()) {
      filters.put(FILTER_FIELDS.get(name), given.stream().map(String::strip).toList());
    }
  }

  private static Optional<LocalDate> date(
      MultiValueMap<String, String> parameters, String name, List<FieldProblem> problems) {
    Optional<String> text = single(parameters, name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.get().strip()));
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(name, "a date as YYYY-MM-DD"));
      return Optional.empty();
    }
  }

  /** Values of a parameter, given repeated or comma-separated. */
  private static List<String> values(MultiValueMap<String, String> parameters, String name) {
    List<String> values = new ArrayList<>();
    for (String value : parameters.getOrDefault(name, List.of())) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          values.add(part);
        }
      }
    }
    return values;
  }

  private static Optional<String> single(MultiValueMap<String, String> parameters, String name) {
    return Optional.ofNullable(parameters.getFirst(name));
  }

  private static <E extends Enum<E>> Set<String> names(Class<E> type) {
    Set<String> names = new java.util.TreeSet<>();
    EnumSet.allOf(type).forEach(constant -> names.add(constant.name()));
    return names;
  }

  private static String sorted(Set<String> names) {
    return String.join(", ", new java.util.TreeSet<>(names));
  }
}
