package uk.crossline.model.json;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import uk.crossline.model.vocabulary.Tlp;

/**
 * Explains why Jackson refused a document, naming the field by its JSON path ({@code
 * report.subjects[0].role}). Jackson's own messages quote the offending value, which may be
 * personal data, so they are never passed on; our records' checks name their field and never a
 * value, so theirs are.
 */
public final class JsonRefusals {

  private static final Pattern FIELD = Pattern.compile("[A-Za-z][\\w.\\[\\]]*");
  private static final Pattern FIELD_AND_REASON =
      Pattern.compile("([A-Za-z][\\w.\\[\\]]*): (.+)", Pattern.DOTALL);

  private JsonRefusals() {}

  /** A refusal: the field at fault (empty for the document as a whole) and why. */
  public record Refusal(String field, String reason) {}

  /**
   * @param unknownField the reason given for a field the document may not have
   * @param typeField the field that names a polymorphic document's type
   * @param typeReason the reason given when that type is unknown
   */
  public static Refusal explain(
      JacksonException e, String unknownField, String typeField, String typeReason) {
    String field = pathOf(e.getPath());
    return switch (e) {
      case UnrecognizedPropertyException unknown -> new Refusal(field, unknownField);
      case InvalidTypeIdException typeId -> new Refusal(typeField, typeReason);
      case InvalidFormatException format
          when format.getTargetType() != null && format.getTargetType().isEnum() ->
          new Refusal(
              field, "not a known value; expected one of " + constants(format.getTargetType()));
      case ValueInstantiationException instantiation -> refusedByOurChecks(field, instantiation);
      case MismatchedInputException mismatch
          when mismatch.getTargetType() != null && mismatch.getTargetType().isEnum() ->
          new Refusal(
              field, "not a known value; expected one of " + constants(mismatch.getTargetType()));
      case MismatchedInputException mismatch -> new Refusal(field, "missing or of the wrong type");
      default -> new Refusal(field, "cannot be read");
    };
  }

  /**
   * The message our own constructors give. They name the field as seen from the record they check
   * ({@code grading.conditions} in a report), so it is joined to the path of that record, which may
   * already end with its first part.
   */
  private static Refusal refusedByOurChecks(String path, ValueInstantiationException e) {
    Throwable cause = e.getCause();
    String message = cause == null ? null : cause.getMessage();
    if (message == null) {
      return new Refusal(path, "cannot be read");
    }
    if (cause instanceof NullPointerException) {
      return FIELD.matcher(message).matches()
          ? new Refusal(within(path, message), "required")
          : new Refusal(path, "required");
    }
    if (cause instanceof IllegalArgumentException) {
      Matcher fieldAndReason = FIELD_AND_REASON.matcher(message);
      return fieldAndReason.matches()
          ? new Refusal(within(path, fieldAndReason.group(1)), fieldAndReason.group(2))
          : new Refusal(path, message);
    }
    return new Refusal(path, "cannot be read");
  }

  private static String within(String path, String field) {
    String recordName = path.replaceFirst("\\[\\d+]$", "").replaceFirst("^.*\\.", "");
    if (field.equals(recordName)) {
      return path;
    }
    if (field.startsWith(recordName + ".")) {
      return path + field.substring(recordName.length());
    }
    return path.isEmpty() ? field : path + "." + field;
  }

  /** The values an enum takes in JSON (TLP as written in TLP 2.0: {@code AMBER+STRICT}). */
  public static String constants(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants())
        .map(constant -> constant instanceof Tlp tlp ? tlp.label() : constant.toString())
        .collect(Collectors.joining(", "));
  }

  /** A JSON path as written in problem details: {@code subjects[0].role}. */
  public static String pathOf(List<JacksonException.Reference> path) {
    var text = new StringBuilder();
    for (JacksonException.Reference reference : path) {
      if (reference.getPropertyName() != null) {
        if (!text.isEmpty()) {
          text.append('.');
        }
        text.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        text.append('[').append(reference.getIndex()).append(']');
      }
    }
    return text.toString();
  }
}
