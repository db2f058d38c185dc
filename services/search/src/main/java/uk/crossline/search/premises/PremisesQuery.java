package uk.crossline.search.premises;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;
import uk.crossline.kit.problem.FieldProblem;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.event.Premises;
import uk.crossline.model.location.Postcode;
import uk.crossline.search.parameters.QueryParameters;

/**
 * Which premises a caller asks about, in exactly one of three forms: its UPRN; its name and
 * postcode; or the premises key the projection stores ({@code uprn:<UPRN>} or {@code
 * pc:<POSTCODE>:<name>}). Read strictly: unknown parameters and malformed values are refused naming
 * the parameter.
 *
 * @param uprn the UPRN asked for, or the one in a {@code uprn:} key
 * @param addressKey the {@code pc:} key of a name and postcode, as the intakes key a premises
 *     without a UPRN
 * @param postcode the postcode of an address look-up, as the projection stores it ({@code B97 4AB})
 * @param asked what the caller gave, for the access log (premises are not personal data)
 */
record PremisesQuery(
    String purpose,
    Optional<String> uprn,
    Optional<String> addressKey,
    Optional<String> postcode,
    Map<String, String> asked) {

  private static final Set<String> PARAMETERS =
      Set.of("purpose", "uprn", "name", "postcode", "key");
  private static final Pattern UPRN = Pattern.compile("[0-9]{1,12}");
  private static final Pattern ADDRESS_KEY = Pattern.compile("pc:([A-Z0-9]{5,7}):[a-z0-9-]+");
  private static final int MAX_NAME = 200;

  /** "pc:", a postcode, ":" and a name of at most {@link #MAX_NAME} characters, normalised. */
  private static final int MAX_KEY = 220;

  /** The premises key of every report that names this premises by UPRN. */
  Optional<String> uprnKey() {
    return uprn.map(value -> "uprn:" + value);
  }

  /**
   * The query for a premises as the projection stores it (its key and postcode), for joining its
   * other key form; empty when the stored postcode cannot be read.
   */
  static Optional<PremisesQuery> ofStoredKey(String key, String postcode) {
    if (key.startsWith("uprn:")) {
      return Optional.of(
          new PremisesQuery(
              "", Optional.of(key.substring(5)), Optional.empty(), Optional.empty(), Map.of()));
    }
    try {
      String normalised = Postcode.parse(postcode == null ? "" : postcode).toString();
      return Optional.of(
          new PremisesQuery(
              "", Optional.empty(), Optional.of(key), Optional.of(normalised), Map.of()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static PremisesQuery read(MultiValueMap<String, String> parameters) {
    List<FieldProblem> problems = new ArrayList<>();
    for (String name : parameters.keySet()) {
      if (!PARAMETERS.contains(name)) {
        problems.add(
            new FieldProblem(
                name, "not a premises parameter; use purpose, uprn, name, postcode, key"));
      }
    }
    String purpose = QueryParameters.purpose(single(parameters, "purpose").orElse(null), problems);
    Optional<String> uprn = single(parameters, "uprn");
    Optional<String> name = single(parameters, "name");
    Optional<String> postcode = single(parameters, "postcode");
    Optional<String> key = single(parameters, "key");
    int forms = (uprn.isPresent() ? 1 : 0) + (key.isPresent() ? 1 : 0);
    forms += name.isPresent() || postcode.isPresent() ? 1 : 0;
    if (forms != 1) {
      problems.add(new FieldProblem("uprn", "give exactly one of: uprn; name and postcode; key"));
      throw ProblemException.invalid(problems);
    }
    Map<String, String> asked = new LinkedHashMap<>();
    Optional<String> uprnValue = Optional.empty();
    Optional<String> addressKey = Optional.empty();
    Optional<String> postcodeValue = Optional.empty();
    if (uprn.isPresent()) {
      if (!UPRN.matcher(uprn.get()).matches()) {
        problems.add(new FieldProblem("uprn", "a UPRN: up to 12 digits"));
      }
      uprnValue = uprn;
      asked.put("uprn", uprn.get());
    } else if (key.isPresent()) {
      asked.put("key", key.get());
      if (key.get().length() > MAX_KEY) {
        problems.add(new FieldProblem("key", "at most " + MAX_KEY + " characters"));
      } else if (key.get().startsWith("uprn:") && UPRN.matcher(key.get().substring(5)).matches()) {
        uprnValue = Optional.of(key.get().substring(5));
      } else {
        var matcher = ADDRESS_KEY.matcher(key.get());
        if (matcher.matches()) {
          addressKey = key;
          postcodeValue = postcode(matcher.group(1), "key", problems);
        } else {
          problems.add(
              new FieldProblem("key", "a premises key: uprn:<UPRN> or pc:<POSTCODE>:<name>"));
        }
      }
    } else {
      if (name.isEmpty() || name.get().length() > MAX_NAME) {
        problems.add(
            new FieldProblem(
                "name", "the premises' name (up to " + MAX_NAME + " characters), with postcode"));
      } else if (name.get().chars().anyMatch(Character::isISOControl)) {
        // The name goes into the access log, which takes no control characters.
        problems.add(new FieldProblem("name", "must not contain control characters"));
      }
      if (postcode.isEmpty()) {
        problems.add(new FieldProblem("postcode", "the premises' full postcode, with name"));
      } else {
        postcodeValue = postcode(postcode.get(), "postcode", problems);
      }
      if (problems.isEmpty()) {
        addressKey =
            Optional.of(
                Premises.of(name.get(), "", postcodeValue.get(), Optional.empty(), Optional.empty())
                    .key());
        asked.put("name", name.get());
        asked.put("postcode", postcodeValue.get());
      }
    }
    if (!problems.isEmpty()) {
      throw ProblemException.invalid(problems);
    }
    return new PremisesQuery(purpose, uprnValue, addressKey, postcodeValue, asked);
  }

  private static Optional<String> postcode(String text, String field, List<FieldProblem> problems) {
    try {
      return Optional.of(Postcode.parse(text).toString());
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem(field, "not a full UK postcode"));
      return Optional.empty();
    }
  }

  private static Optional<String> single(MultiValueMap<String, String> parameters, String name) {
    return Optional.ofNullable(parameters.getFirst(name))
        .map(String::strip)
        .filter(v -> !v.isEmpty());
  }
}
