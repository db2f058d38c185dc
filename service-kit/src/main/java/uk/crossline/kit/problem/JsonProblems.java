package uk.crossline.kit.problem;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import uk.crossline.model.json.JsonRefusals;

/**
 * Explains why a JSON body could not be read, naming the field by its JSON path. Jackson's own
 * messages quote the offending value, so they are never passed on.
 */
public final class JsonProblems {

  private JsonProblems() {}

  public static FieldProblem explain(JacksonException e) {
    String field = JsonRefusals.pathOf(e.getPath());
    String reason =
        switch (e) {
          case StreamConstraintsException limits -> "too large or too deeply nested";
          case StreamReadException malformed -> "not well-formed JSON";
          case UnrecognizedPropertyException unknown -> "not a field of this form";
          case InvalidFormatException format
              when format.getTargetType() != null && format.getTargetType().isEnum() ->
              "not a known value; expected one of "
                  + JsonRefusals.constants(format.getTargetType());
          case InvalidFormatException format -> "not a valid " + typeName(format.getTargetType());
          case InvalidNullException missing -> "required";
          case ValueInstantiationException instantiation -> reasonOf(instantiation);
          case MismatchedInputException mismatch
              when mismatch.getTargetType() != null && mismatch.getTargetType().isEnum() ->
              "not a known value; expected one of "
                  + JsonRefusals.constants(mismatch.getTargetType());
          case MismatchedInputException mismatch -> "missing or of the wrong type";
          default -> "cannot be read";
        };
    return new FieldProblem(field, reason);
  }

  /** The message of our own constructors and factories, which name no values. */
  private static String reasonOf(ValueInstantiationException e) {
    Throwable cause = e.getCause();
    if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
      return cause.getMessage();
    }
    return "cannot be read";
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "value";
    }
    return switch (type.getSimpleName()) {
      case "Instant", "OffsetDateTime", "ZonedDateTime" -> "date and time (ISO 8601)";
      case "LocalDate" -> "date (YYYY-MM-DD)";
      case "Integer", "int", "Long", "long" -> "whole number";
      case "Double", "double", "BigDecimal" -> "number";
      case "Boolean", "boolean" -> "true or false";
      default -> "value";
    };
  }
}
