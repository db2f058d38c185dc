package uk.crossline.search.query;

import static uk.crossline.search.parameters.QueryParameters.date;
import static uk.crossline.search.parameters.QueryParameters.pageSize;
import static uk.crossline.search.parameters.QueryParameters.single;
import static uk.crossline.search.parameters.QueryParameters.values;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.util.MultiValueMap;
import uk.crossline.kit.problem.FieldProblem;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.AgencyType;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.HandlingCode;
import uk.crossline.model.vocabulary.Indicator;
import uk.crossline.model.vocabulary.IntelligenceAssessment;
import uk.crossline.model.vocabulary.Priority;
import uk.crossline.model.vocabulary.SourceEvaluation;
import uk.crossline.search.parameters.QueryParameters;

/**
 * What a caller asks of search, read strictly from the query string: an unknown parameter, an
 * unknown vocabulary word or a bad date is refused naming the parameter. The free text is matched
 * as words, never parsed as query syntax.
 *
 * @param purpose why the caller searches, for the audit log (required)
 * @param filters document field to the values any of which it must have
 * @param gradingDetail the parameters given that filter on grading detail ({@code source}, {@code
 *     intelligence}, {@code handling}), which only callers who may see grading detail may use
 * @param sort the order of the hits; {@code relevance} only with free text
 */
public record SearchCriteria(
    String purpose,
    Optional<String> text,
    Map<String, List<String>> filters,
    Set<String> gradingDetail,
    Optional<LocalDate> from,
    Optional<LocalDate> to,
    Sort sort,
    int size,
    Optional<String> after) {

  static final int MAX_SIZE = 100;
  static final int MAX_TEXT = 200;
  static final int MAX_WORDS = 10;
  static final int MAX_WORD = 50;
  static final int MIN_ZOOM = 1;

  /**
   * Points are snapped to about 1 km at the intake; a zoom-14 tile is about 1.5 km across in
   * England, so a finer zoom would only split one grid point's events across empty tiles.
   */
  static final int MAX_ZOOM = 14;

  /** The orders search answers in; each is its own cursor space. */
  public enum Sort {
    /** By when it happened, newest first: the default. */
    NEWEST,
    /** By when it happened, oldest first. */
    OLDEST,
    /** By when it reached the hub, newest first. */
    SUBMITTED,
    /** Best match of the free text first; needs {@code q}. */
    RELEVANCE;

    String parameter() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The filters of search and of the map alike. */
  private static final Set<String> FILTERS =
      Set.of(
          "category",
          "indicator",
          "priority",
          "district",
          "ward",
          "outward",
          "agencyType",
          "source",
          "intelligence",
          "handling",
          "graded",
          "from",
          "to");

  private static final Set<String> SEARCH_PARAMETERS =
      union(FILTERS, Set.of("purpose", "q", "sort", "size", "after"));
  private static final Set<String> MAP_PARAMETERS = union(FILTERS, Set.of("purpose", "q", "zoom"));

  /** The filter parameters that disclose grading detail. */
  static final Set<String> GRADING_DETAIL = Set.of("source", "intelligence", "handling");

  /** The filter parameters and the document field each one filters. */
  static final Map<String, String> FILTER_FIELDS =
      Map.ofEntries(
          Map.entry("category", "category"),
          Map.entry("indicator", "indicators"),
          Map.entry("priority", "priority"),
          Map.entry("district", "location.district"),
          Map.entry("ward", "location.ward"),
          Map.entry("outward", "location.outwardPostcode"),
          Map.entry("agencyType", "agency.type"),
          Map.entry("source", "grading.source"),
          Map.entry("intelligence", "grading.intelligence"),
          Map.entry("handling", "grading.handling"),
          Map.entry("graded", "grading.graded"));

  /** A map request: the search criteria and the zoom of the map's tiles. */
  record ForMap(SearchCriteria criteria, int zoom) {}

  static SearchCriteria read(MultiValueMap<String, String> parameters) {
    List<FieldProblem> problems = new ArrayList<>();
    unknown(parameters, SEARCH_PARAMETERS, "a search parameter", problems);
    SearchCriteria criteria = common(parameters, problems);
    Sort sort = Sort.NEWEST;
    Optional<String> sortText = single(parameters, "sort");
    if (sortText.isPresent()) {
      try {
        sort = Sort.valueOf(sortText.get().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(
            new FieldProblem("sort", "one of newest, oldest, submitted, relevance (with q)"));
      }
      if (sort == Sort.RELEVANCE && criteria.text().isEmpty()) {
        problems.add(new FieldProblem("sort", "relevance needs free text (q) to rank by"));
      }
    }
    int size = pageSize(parameters, MAX_SIZE, problems);
    if (!problems.isEmpty()) {
      throw ProblemException.invalid(problems);
    }
    return new SearchCriteria(
        criteria.purpose(),
        criteria.text(),
        criteria.filters(),
        criteria.gradingDetail(),
        criteria.from(),
        criteria.to(),
        sort,
        size,
        single(parameters, "after"));
  }

  static ForMap readForMap(MultiValueMap<String, String> parameters) {
    List<FieldProblem> problems = new ArrayList<>();
    unknown(parameters, MAP_PARAMETERS, "a map parameter", problems);
    SearchCriteria criteria = common(parameters, problems);
    int zoom = 0;
    Optional<String> zoomText = single(parameters, "zoom");
    String bounds = "a whole number from " + MIN_ZOOM + " to " + MAX_ZOOM;
    if (zoomText.isEmpty()) {
      problems.add(new FieldProblem("zoom", "required: " + bounds));
    } else {
      try {
        zoom = Integer.parseInt(zoomText.get().strip());
        if (zoom < MIN_ZOOM || zoom > MAX_ZOOM) {
          problems.add(
              new FieldProblem(
                  "zoom", bounds + " (points are snapped to about 1 km: finer shows nothing)"));
        }
      } catch (NumberFormatException e) {
        problems.add(new FieldProblem("zoom", bounds));
      }
    }
    if (!problems.isEmpty()) {
      throw ProblemException.invalid(problems);
    }
    return new ForMap(criteria, zoom);
  }

  /** Purpose, free text, filters and dates: what search and the map read alike. */
  private static SearchCriteria common(
      MultiValueMap<String, String> parameters, List<FieldProblem> problems) {
    String purpose = QueryParameters.purpose(single(parameters, "purpose").orElse(null), problems);
    Optional<String> text = single(parameters, "q").map(String::strip).filter(q -> !q.isEmpty());
    if (text.isPresent() && text.get().length() > MAX_TEXT) {
      problems.add(new FieldProblem("q", "at most " + MAX_TEXT + " characters"));
    } else if (text.isPresent() && text.get().chars().anyMatch(Character::isISOControl)) {
      // The words go into the access log, which takes no control characters.
      problems.add(new FieldProblem("q", "must not contain control characters"));
    }
    Map<String, List<String>> filters = new LinkedHashMap<>();
    vocabulary(parameters, "category", Category.class, Category::name, filters, problems);
    vocabulary(parameters, "indicator", Indicator.class, Indicator::name, filters, problems);
    vocabulary(parameters, "priority", Priority.class, Priority::name, filters, problems);
    vocabulary(parameters, "agencyType", AgencyType.class, AgencyType::name, filters, problems);
    words(parameters, "district", filters, problems);
    words(parameters, "ward", filters, problems);
    words(parameters, "outward", filters, problems);
    sourceEvaluations(parameters, filters, problems);
    vocabulary(
        parameters,
        "intelligence",
        IntelligenceAssessment.class,
        IntelligenceAssessment::name,
        filters,
        problems);
    vocabulary(parameters, "handling", HandlingCode.class, HandlingCode::name, filters, problems);
    graded(parameters, filters, problems);
    Set<String> gradingDetail = new TreeSet<>();
    for (String name : GRADING_DETAIL) {
      if (parameters.containsKey(name)) {
        gradingDetail.add(name);
      }
    }
    Optional<LocalDate> from = date(parameters, "from", problems);
    Optional<LocalDate> to = date(parameters, "to", problems);
    if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
      problems.add(new FieldProblem("to", "is before from"));
    }
    return new SearchCriteria(
        purpose, text, filters, gradingDetail, from, to, Sort.NEWEST, MAX_SIZE, Optional.empty());
  }

  private static void unknown(
      MultiValueMap<String, String> parameters,
      Set<String> known,
      String what,
      List<FieldProblem> problems) {
    for (String name : parameters.keySet()) {
      if (!known.contains(name)) {
        problems.add(new FieldProblem(name, "not " + what + "; use one of " + sorted(known)));
      }
    }
  }

  /** Source evaluations as police write them (1, 2, 3) or by name, filtered by their code. */
  private static void sourceEvaluations(
      MultiValueMap<String, String> parameters,
      Map<String, List<String>> filters,
      List<FieldProblem> problems) {
    List<String> given = values(parameters, "source");
    if (given.isEmpty()) {
      return;
    }
    List<String> accepted = new ArrayList<>();
    for (String word : given) {
      try {
        accepted.add(SourceEvaluation.parse(word).code());
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("source", "1 (reliable), 2 (untested) or 3 (not reliable)"));
      }
    }
    filters.put(FILTER_FIELDS.get("source"), accepted);
  }

  private static void graded(
      MultiValueMap<String, String> parameters,
      Map<String, List<String>> filters,
      List<FieldProblem> problems) {
    Optional<String> given = single(parameters, "graded").map(String::strip);
    if (given.isEmpty()) {
      return;
    }
    String value = given.get().toLowerCase(Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      problems.add(new FieldProblem("graded", "true or false"));
      return;
    }
    filters.put(FILTER_FIELDS.get("graded"), List.of(value));
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
    filters.put(FILTER_FIELDS.get(name), accepted.stream().distinct().toList());
  }

  /**
   * District, ward and outward codes are ids of at most a few dozen characters; the filters go into
   * the access log whole, so their number and length are bounded and control characters refused.
   */
  private static void words(
      MultiValueMap<String, String> parameters,
      String name,
      Map<String, List<String>> filters,
      List<FieldProblem> problems) {
    List<String> given = values(parameters, name);
    if (given.size() > MAX_WORDS
        || given.stream().anyMatch(word -> word.strip().length() > MAX_WORD)) {
      problems.add(
          new FieldProblem(
              name, "at most " + MAX_WORDS + " values of at most " + MAX_WORD + " characters"));
    } else if (given.stream().anyMatch(word -> word.chars().anyMatch(Character::isISOControl))) {
      problems.add(new FieldProblem(name, "must not contain control characters"));
    } else if (!given.isEmpty()) {
      filters.put(FILTER_FIELDS.get(name), given.stream().map(String::strip).toList());
    }
  }

  private static <E extends Enum<E>> Set<String> names(Class<E> type) {
    Set<String> names = new TreeSet<>();
    EnumSet.allOf(type).forEach(constant -> names.add(constant.name()));
    return names;
  }

  private static String sorted(Set<String> names) {
    return String.join(", ", new TreeSet<>(names));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> both = new HashSet<>(a);
    both.addAll(b);
    return Set.copyOf(both);
  }
}
