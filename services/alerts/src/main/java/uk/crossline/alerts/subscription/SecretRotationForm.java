package uk.crossline.alerts.subscription;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import uk.crossline.kit.problem.FieldProblem;
import uk.crossline.kit.problem.ProblemException;

/**
 * The optional body of a secret rotation: {@code {"expireCurrentAfter": "PT1H"}}, how long the
 * current secret is still signed with. Left out, the hub's overlap; {@code PT0S} when the
 * subscriber wants the current secret dead at once (it leaked), at the cost of refusals at the
 * receiver until it holds the new one.
 */
record SecretRotationForm(Duration expireCurrentAfter) {

  static final String EXPIRE_CURRENT_AFTER = "expireCurrentAfter";

  /**
   * @param body the request body; null when there was none
   * @param maxOverlap the hub's overlap: the default, and the longest one may ask for
   */
  static SecretRotationForm read(Map<String, Object> body, Duration maxOverlap) {
    if (body == null || body.isEmpty()) {
      return new SecretRotationForm(maxOverlap);
    }
    List<FieldProblem> unknown =
        body.keySet().stream()
            .filter(name -> !EXPIRE_CURRENT_AFTER.equals(name))
            .sorted()
            .map(name -> new FieldProblem(name, "not a field of a secret rotation"))
            .toList();
    if (!unknown.isEmpty()) {
      throw ProblemException.invalid(unknown);
    }
    String allowed = "an ISO-8601 duration from PT0S to " + maxOverlap;
    if (!(body.get(EXPIRE_CURRENT_AFTER) instanceof String text)) {
      throw ProblemException.invalid(EXPIRE_CURRENT_AFTER, allowed);
    }
    Duration overlap;
    try {
      overlap = Duration.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(EXPIRE_CURRENT_AFTER, allowed);
    }
    if (overlap.isNegative() || overlap.compareTo(maxOverlap) > 0) {
      throw ProblemException.invalid(EXPIRE_CURRENT_AFTER, allowed);
    }
    return new SecretRotationForm(overlap);
  }
}
