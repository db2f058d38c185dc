package uk.crossline.search.parameters;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.util.MultiValueMap;
import uk.crossline.kit.problem.FieldProblem;
import uk.crossline.kit.problem.ProblemException;

/**
 * The query parameters of a request as search, the access log and statistics read them alike: a
 * parameter given once, a list given repeated or comma-separated, a day. What is wrong is added to
 * the caller's problems, so that one answer names every field at fault.
 */
public final class QueryParameters {

  private QueryParameters() {}

  /** The shortest and longest purpose the access log takes. */
  public static final int PURPOSE_MIN = 5;

  public static final int PURPOSE_MAX = 500;

  /**
   * Why the caller asks, for the access log: 5 to 500 characters of plain text, stripped. Every
   * consultation needs one (DESIGN, Audit); a missing, short, long, control-character or
   * invisible-character purpose is added to the problems, naming {@code purpose}.
   *
   * @param given the purpose as given, or null
   */
  public static String purpose(String given, List<FieldProblem> problems) {
    String purpose = given == null ? "" : given.strip();
    if (purpose.length() < PURPOSE_MIN || purpose.length() > PURPOSE_MAX) {
      problems.add(
          new FieldProblem(
              "purpose",
              "say why you ask (%d to %d characters): it goes in the access log"
                  .formatted(PURPOSE_MIN, PURPOSE_MAX)));
    } else if (purpose.chars().anyMatch(Character::isISOControl)) {
      problems.add(new FieldProblem("purpose", "must not contain control characters"));
    } else if (purpose.chars().anyMatch(QueryParameters::hidesOrReorders)) {
      // Auditors read purposes as written: nothing invisible may hide or reorder what they read.
      problems.add(
          new FieldProblem(
              "purpose", "must not contain invisible or right-to-left formatting characters"));
    }
    return purpose;
  }

  /** Zero-width and bidi formatting characters, byte order marks, unpaired surrogates. */
  private static boolean hidesOrReorders(int c) {
    int type = Character.getType(c);
    return type == Character.FORMAT || type == Character.SURROGATE;
  }

  /** {@link #purpose(String, List)} for a call with nothing else to check: refused at once. */
  public static String purpose(String given) {
    List<FieldProblem> problems = new ArrayList<>();
    String purpose = purpose(given, problems);
    if (!problems.isEmpty()) {
      throw ProblemException.invalid(problems);
    }
    return purpose;
  }

  /** The parameter's (first) value, as given. */
  public static Optional<String> single(MultiValueMap<String, String> parameters, String name) {
    return Optional.ofNullable(parameters.getFirst(name));
  }

  /** Values of a parameter, given repeated or comma-separated. */
  public static List<String> values(MultiValueMap<String, String> parameters, String name) {
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

  /** The page size asked for ({@code size}), 1 to {@code max}; 20 if not asked for. */
  public static int pageSize(
      MultiValueMap<String, String> parameters, int max, List<FieldProblem> problems) {
    int size = 20;
    Optional<String> sizeText = single(parameters, "size");
    if (sizeText.isPresent()) {
      try {
        size = Integer.parseInt(sizeText.get().strip());
        if (size < 1 || size > max) {
          problems.add(new FieldProblem("size", "between 1 and " + max));
        }
      } catch (NumberFormatException e) {
        problems.add(new FieldProblem("size", "a whole number"));
      }
    }
    return size;
  }

  /** A day as YYYY-MM-DD, if given; a problem named after the parameter if not one. */
  public static Optional<LocalDate> date(
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
}
