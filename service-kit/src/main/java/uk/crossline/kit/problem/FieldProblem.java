package uk.crossline.kit.problem;

import java.util.Objects;

/**
 * One thing wrong with a request.
 *
 * @param field the JSON path of the field at fault ({@code subjects[0].role}), empty for the
 *     request as a whole
 * @param reason why, in words a user can act on, never repeating the value sent
 */
public record FieldProblem(String field, String reason) {

  public FieldProblem {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
  }
}
